import Dispatch
import Foundation
import MediaIO
import Synchronization
import Testing

@testable import AugmentCore

@Suite struct NoiseBankTests {
  @Test func indexesCategoriesAndSkipsWhatIsNotAClip() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    #expect(bank.categories == ["car-noise", "people-noise", "white"])
    #expect(bank.clips(in: "car-noise") == ["car-noise/hum-16k.wav", "car-noise/road-44k-stereo.wav"])
    #expect(bank.clips(in: "people-noise") == ["people-noise/babble-short.flac"])
    #expect(bank.clips(in: "cafe-noise").isEmpty)
  }

  /// The text file named `.wav` is reported by its path and left out; the bank still opens.
  @Test func reportsBadFilesByName() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let brokenPath = fixture.url("car-noise/broken.wav").path
    #expect(bank.problems.map(\.path) == [brokenPath])
    #expect(bank.problems[0].description.contains(brokenPath))
    #expect(throws: NoiseBankError.unknownClip("car-noise/broken.wav", bank: fixture.root.path)) {
      _ = try bank.samples(for: "car-noise/broken.wav")
    }
  }

  /// A FLAC cut short is refused when the bank is indexed: its header promises frames it does not hold.
  @Test func cutClipIsRefusedWhenIndexed() throws {
    let fixture = try NoiseBankFixture()
    let bytes = try Data(contentsOf: fixture.url("people-noise/babble-short.flac"))
    try bytes.prefix(bytes.count / 2).write(to: fixture.url("people-noise/cut.flac"))
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let cutPath = fixture.url("people-noise/cut.flac").path
    #expect(bank.clips(in: "people-noise") == ["people-noise/babble-short.flac"])
    #expect(bank.problems.contains(.truncated(path: cutPath, detail: "the header promises 11200 frames, and the last cannot be decoded")))
  }

  /// A clip cut short after the bank was opened fails to decode: the request throws the error naming the
  /// file, the bank adds it to its problems, and the other clips still decode.
  @Test func decodingFailureIsReportedAndNotFatal() throws {
    let fixture = try NoiseBankFixture()
    let clip = "people-noise/babble-short.flac"
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let bytes = try Data(contentsOf: fixture.url(clip))
    try bytes.prefix(bytes.count / 2).write(to: fixture.url(clip))
    do {
      _ = try bank.samples(for: clip)
      Issue.record("the cut file decoded")
    } catch let error as MediaError {
      #expect(error.path == fixture.url(clip).path)
    }
    #expect(bank.problems.map(\.path).contains(fixture.url(clip).path))
    #expect(try bank.samples(for: "white/white-6s.wav").count == 6 * 16_000)
  }

  /// A clip whose header says 1 Hz (which resampled to 16 kHz would grow 16 000-fold) is left out by
  /// name when the bank opens, with the rate as the reason.
  @Test func clipAtAnImplausibleRateIsRefusedByName() throws {
    let fixture = try NoiseBankFixture()
    try fixture.write([NoiseBankFixture.whiteNoise(seconds: 0.5, sampleRate: 16_000, seed: 6)], rate: 1, to: "white/slow.wav")
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let path = fixture.url("white/slow.wav").path
    #expect(bank.clips(in: "white") == ["white/white-6s.wav"])
    #expect(bank.problems.contains(.outOfRange(path: path, limit: .sampleRate, value: 1)))
  }

  /// A named pipe, a symbolic link loop and a link to nothing named like clips are each left out with
  /// their own reason, and opening the bank does not wait on the pipe.
  @Test func nonRegularFilesAreLeftOutWithTheirReason() throws {
    let fixture = try NoiseBankFixture()
    let pipe = fixture.url("white/pipe.wav"), loop = fixture.url("white/loop.wav"), gone = fixture.url("white/gone.wav")
    #expect(mkfifo(pipe.path, 0o600) == 0)
    try FileManager.default.createSymbolicLink(at: loop, withDestinationURL: loop)
    try FileManager.default.createSymbolicLink(at: gone, withDestinationURL: fixture.url("white/deleted.wav"))
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    #expect(bank.clips(in: "white") == ["white/white-6s.wav"])
    #expect(bank.problems.contains(.notRegularFile(path: pipe.path, kind: "a named pipe (FIFO)")))
    #expect(bank.problems.contains(.symlinkLoop(path: loop.path)))
    #expect(bank.problems.contains(
      .cannotOpen(path: gone.path, reason: "it is a symbolic link to a file that does not exist")))
  }

  /// A clip holding NaN is refused by name for its NaN samples when it is decoded, never called silent.
  @Test func clipWithNaNIsRefusedForItsSamples() throws {
    let fixture = try NoiseBankFixture()
    var noise = NoiseBankFixture.whiteNoise(seconds: 1, sampleRate: 16_000, seed: 7)
    noise[1_234] = .nan
    try FileManager.default.createDirectory(at: fixture.url("bad"), withIntermediateDirectories: true)
    try fixture.write([noise], rate: 16_000, to: "bad/nan.wav", as: .wavFloat32)
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let expected = MediaError.nonFiniteSamples(path: fixture.url("bad/nan.wav").path, count: 1, firstFrame: 1_234)
    #expect(throws: expected) { _ = try bank.samples(for: "bad/nan.wav") }
    #expect(bank.problems.contains(expected))
    let transform = try BackgroundNoise(bank: bank, category: "bad", snr: .uniform(5...5))
    var rng = Xoshiro256StarStar(seed: 1)
    let speech = AudioBuffer(mono: SpeechLikeSignal.make(seconds: 1, sampleRate: 16_000, seed: 8), sampleRate: 16_000)
    #expect(throws: expected) { _ = try transform.sampleParameters(for: speech, using: &rng) }
  }

  /// Noise asked for at a rate outside the limits (audio at 1 Hz, or at 16 kHz with a bit flipped) is the
  /// audio's fault: the error names the rate and no clip, and no clip is added to the problems.
  @Test(arguments: [1, 67_124_864])
  func rateOutsideTheLimitsBlamesTheAudioNotAClip(rate: Int) throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let problems = bank.problems
    #expect(throws: NoiseBankError.unsupportedSampleRate(rate, bank: fixture.root.path)) {
      _ = try bank.samples(for: "car-noise/hum-16k.wav", sampleRate: rate)
    }
    let transform = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(5...5))
    var rng = Xoshiro256StarStar(seed: 2)
    do {
      _ = try transform.sampleParameters(for: AudioBuffer(mono: [Float](repeating: 0.1, count: 64), sampleRate: rate), using: &rng)
      Issue.record("noise was prepared at \(rate) Hz")
    } catch {
      #expect("\(error)".contains("\(rate) Hz") && !"\(error)".contains("car-noise/"), "\(error)")
    }
    #expect(bank.problems == problems)
  }

  /// The 44.1 kHz stereo clip comes out mono (the average of its channels) at 16 kHz, through libsoxr.
  @Test func downMixesAndResamples() throws {
    let fixture = try NoiseBankFixture()
    let left = ToneFit.tone(frequency: 440, amplitude: 0.6, seconds: 2, sampleRate: 44_100)
    let right = ToneFit.tone(frequency: 1000, amplitude: 0.2, seconds: 2, sampleRate: 44_100)
    try fixture.write([left, right], rate: 44_100, to: "white/two-tones.wav", as: .wavFloat32)
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let mono = try bank.samples(for: "white/two-tones.wav")
    #expect(mono.count == 32_000)
    let window = 4_000..<28_000
    let at440 = ToneFit.amplitude(of: mono, frequency: 440, sampleRate: 16_000, window: window)
    let at1000 = ToneFit.amplitude(of: mono, frequency: 1000, sampleRate: 16_000, window: window)
    #expect(abs(at440 - 0.3) < 1e-3)
    #expect(abs(at1000 - 0.1) < 1e-3)
  }

  @Test func cacheStaysWithinItsBound() throws {
    let fixture = try NoiseBankFixture()
    // Room for the 6 s white clip (384 000 bytes of samples, 387 008 with its running energy) but not
    // for it and the 4 s hum clip together.
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000, cacheBytes: 500_000)
    let white = try bank.samples(for: "white/white-6s.wav")
    #expect(bank.cachedBytes == NoiseClip(samples: white).bytes)
    let hum = try bank.samples(for: "car-noise/hum-16k.wav")
    #expect(bank.cachedBytes == NoiseClip(samples: hum).bytes)
    #expect(try bank.samples(for: "white/white-6s.wav") == white)
    let tiny = try NoiseBank(root: fixture.root, sampleRate: 16_000, cacheBytes: 1_000)
    #expect(try tiny.samples(for: "white/white-6s.wav") == white)
    #expect(tiny.cachedBytes == 0)
  }

  @Test func leastRecentlyUsedIsEvictedFirst() {
    var cache = ClipCache<String, [Float]>(capacity: 300)
    cache.insert([1], bytes: 100, for: "a")
    cache.insert([2], bytes: 100, for: "b")
    cache.insert([3], bytes: 100, for: "c")
    #expect(cache.value(for: "a") == [1])
    cache.insert([4], bytes: 100, for: "d")
    #expect(!cache.contains("b"))
    #expect(cache.contains("a") && cache.contains("c") && cache.contains("d"))
    cache.insert([5], bytes: 250, for: "e")
    #expect(cache.count == 1 && cache.bytes == 250)
    cache.insert([6], bytes: 301, for: "f")
    #expect(!cache.contains("f") && cache.bytes == 250)
  }

  /// Many threads asking for the same and different clips at once all get the same samples.
  @Test func concurrentRequestsAgree() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000, cacheBytes: 600_000)
    let clips = bank.categories.flatMap { bank.clips(in: $0) }
    let expected = try clips.map { try NoiseBank(root: fixture.root, sampleRate: 16_000).samples(for: $0) }
    let mismatches = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 64) { request in
      let index = request % clips.count
      let samples = try? bank.samples(for: clips[index])
      if samples != expected[index] { mismatches.withLock { $0 += 1 } }
    }
    #expect(mismatches.withLock { $0 } == 0)
    #expect(bank.cachedBytes <= 600_000)
  }

  /// The bank shipped in `noise-banks/` (WAV and FLAC, 16–48 kHz, mono and stereo) opens with no problems,
  /// and its 44.1 kHz stereo clip decodes to mono at 16 kHz with the length its header implies.
  @Test func shippedBankOpensCleanly() throws {
    let root = ReferenceData.repositoryRoot.appendingPathComponent("noise-banks")
    let bank = try NoiseBank(root: root, sampleRate: 16_000)
    #expect(bank.problems.isEmpty, "\(bank.problems)")
    #expect(bank.categories == ["cafe", "car", "food-court", "library", "machine", "people", "plane", "train"])
    #expect(bank.categories.allSatisfy { bank.clips(in: $0).count == 3 })
    let clip = "car/car-pulling-away-03.wav"
    let info = try AudioFile.info(at: root.appendingPathComponent(clip))
    #expect(info.sampleRate == 44_100 && info.channelCount == 2)
    let samples = try bank.samples(for: clip)
    #expect(samples.count == Int((Double(info.frameCount) * 16_000 / 44_100).rounded()))
  }

  /// Clips are found by content: a WAV without an extension is one, a photo named `.wav` is reported as
  /// the image it is, a photo named `.jpg` is not a clip.
  @Test func clipsAreFoundByContent() throws {
    let fixture = try NoiseBankFixture()
    try fixture.write([NoiseBankFixture.whiteNoise(seconds: 1, sampleRate: 16_000, seed: 9)], rate: 16_000, to: "white/take-2", as: .wavPCM16)
    let photo = Image(width: 4, height: 4, layout: .gray, filledWith: 0.5)
    try ImageFile.write(photo, to: fixture.url("white/photo.wav"), as: .jpeg(quality: 90))
    try ImageFile.write(photo, to: fixture.url("white/photo.jpg"), as: .jpeg(quality: 90))
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    #expect(bank.clips(in: "white") == ["white/take-2", "white/white-6s.wav"])
    let photoPath = fixture.url("white/photo.wav").path
    #expect(bank.problems.contains(.notAudio(path: photoPath, reason: "it holds a JPEG image")))
    #expect(!bank.problems.map(\.path).contains(fixture.url("white/photo.jpg").path))
  }

  @Test func missingRootIsAnError() {
    let path = "/nonexistent/noise-banks"
    #expect(throws: NoiseBankError.notAFolder(path: path)) {
      _ = try NoiseBank(root: URL(fileURLWithPath: path), sampleRate: 16_000)
    }
  }
}
