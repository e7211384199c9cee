import CSndFile
import Foundation
import Testing

@testable import MediaIO

/// A file's format is told from its first bytes, whatever its name.
struct MediaFormatTests {
  static func bytes(_ ascii: String, _ tail: [UInt8] = []) -> [UInt8] { Array(ascii.utf8) + tail }

  /// Every signature, written out from the formats' specifications.
  @Test(arguments: [
    ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], MediaFormat.png),
    ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + bytes("JFIF"), .jpeg),
    ([0xFF, 0xD8, 0xFF, 0xE1, 0, 16] + bytes("Exif"), .jpeg),
    (bytes("RIFF", [0x24, 0, 0, 0]) + bytes("WAVE"), .wav),
    (bytes("RIFX", [0, 0, 0, 0x24]) + bytes("WAVE"), .wav),
    (bytes("RF64", [0xFF, 0xFF, 0xFF, 0xFF]) + bytes("WAVE"), .rf64),
    (bytes("riff", [0x2E, 0x91, 0xCF, 0x11]), .w64),
    (bytes("fLaC", [0, 0, 0, 34]), .flac),
    (bytes("OggS", [0, 2]), .ogg),
    (bytes("FORM", [0, 0, 0, 0x2E]) + bytes("AIFF"), .aiff),
    (bytes("FORM", [0, 0, 0, 0x2E]) + bytes("AIFC"), .aiff),
    (bytes("caff", [0, 1, 0, 0]), .caf),
    (bytes(".snd", [0, 0, 0, 24]), .au),
    (bytes("ID3", [4, 0, 0]), .mp3),
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: a tagless MP3 stream.
    ([0xFF, 0xFB, 0x90, 0x64], .mp3),
    // MPEG-2 layer III, 64 kbit/s, 22.05 kHz.
    ([0xFF, 0xF3, 0x80, 0xC4], .mp3),
    (bytes("RIFF", [0x24, 0, 0, 0]) + bytes("WEBP"), .webp),
    (bytes("GIF89a", [1, 0]), .gif),
    (bytes("GIF87a", [1, 0]), .gif),
    (bytes("BM", [0x36, 0x10, 0, 0]), .bmp),
    (bytes("II*\0", [8, 0, 0, 0]), .tiff),
    (bytes("MM\0*", [0, 0, 0, 8]), .tiff),
  ] as [([UInt8], MediaFormat)])
  func detectsSignature(bytes: [UInt8], format: MediaFormat) {
    #expect(MediaFormat.detect(bytes) == format)
  }

  /// Near misses are not taken for media: a RIFF that is neither WAVE nor WebP (AVI), ADTS AAC (sync bits
  /// but layer 0), an MPEG header with the reserved version, a free-format bit rate of 15, text, a lone byte.
  @Test(arguments: [
    bytes("RIFF", [0x24, 0, 0, 0]) + bytes("AVI "),
    [0xFF, 0xF1, 0x50, 0x80],
    [0xFF, 0xEB, 0x90, 0x64],
    [0xFF, 0xFB, 0xF0, 0x64],
    [0xFF, 0xFB, 0x9C, 0x64],
    bytes("id,path,label\n"),
    [0x89],
    [],
  ] as [[UInt8]])
  func rejectsNearMisses(bytes: [UInt8]) {
    #expect(MediaFormat.detect(bytes) == nil)
  }

  @Test func kindsAndSupport() {
    let images = MediaFormat.allCases.filter { $0.kind == .image }
    #expect(Set(images) == [.png, .jpeg, .webp, .gif, .bmp, .tiff])
    #expect(MediaFormat.allCases.filter { $0.unsupportedReason != nil } == [.webp, .gif, .bmp, .tiff])
    #expect(MediaFormat.webp.unsupportedReason == "WEBP images are not read; convert them to PNG or JPEG")
  }

  /// Files written by the libraries are recognised by content, under names that say otherwise.
  @Test func detectsWrittenFilesWhateverTheirNames() throws {
    let folder = try TemporaryFolder()
    let tone = AudioBuffer(mono: (0..<4_000).map { Float(0.3 * sin(Double($0) / 5)) }, sampleRate: 16_000)
    let written: [(URL, MediaFormat)] = [
      (folder.file("a.png"), .wav), (folder.file("b.wav"), .flac), (folder.file("c.jpg"), .png),
      (folder.file("d.flac"), .jpeg), (folder.file("e"), .ogg), (folder.file("f.txt"), .aiff),
    ]
    try AudioFile.write(tone, to: written[0].0, as: .wavPCM16)
    try AudioFile.write(tone, to: written[1].0, as: .flacPCM16)
    let picture = Image(width: 8, height: 8, layout: .rgb, filledWith: 0.5)
    try ImageFile.write(picture, to: written[2].0, as: .png)
    try ImageFile.write(picture, to: written[3].0, as: .jpeg(quality: 80))
    try ReferenceEncoder.write(tone, code: Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS), to: written[4].0)
    try ReferenceEncoder.write(tone, code: Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16), to: written[5].0)
    for (url, format) in written {
      #expect(try MediaFormat.detect(at: url) == format, "\(url.lastPathComponent)")
      #expect(MediaFormat.judge(url) == format)
    }
  }

  @Test func missingEmptyAndUnknownFiles() throws {
    let folder = try TemporaryFolder()
    #expect(throws: MediaError.fileNotFound(path: folder.file("gone.wav").path)) {
      try MediaFormat.detect(at: folder.file("gone.wav"))
    }
    #expect(throws: MediaError.notRegularFile(path: folder.url.path, kind: "a folder")) {
      try MediaFormat.detect(at: folder.url)
    }
    FileManager.default.createFile(atPath: folder.file("empty.png").path, contents: Data())
    #expect(throws: MediaError.emptyFile(path: folder.file("empty.png").path)) {
      try MediaFormat.detect(at: folder.file("empty.png"))
    }
    FileManager.default.createFile(atPath: folder.file("notes.wav").path, contents: Data("not audio".utf8))
    #expect(try MediaFormat.detect(at: folder.file("notes.wav")) == nil)
    // What a file that tells nothing by content is meant to be comes from its name.
    #expect(MediaFormat.judge(folder.file("notes.wav")) == .wav)
    #expect(MediaFormat.judge(folder.file("gone.JPEG")) == .jpeg)
    #expect(MediaFormat.judge(folder.file("gone.csv")) == nil)
  }

  /// MP3 reads through libsndfile (its mpg123 decoder); the file here is encoded by libsndfile's LAME.
  @Test func readsMP3() throws {
    let folder = try TemporaryFolder()
    let tone = (0..<44_100).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 44_100)) }
    let url = folder.file("tone.mp3")
    try ReferenceEncoder.write(
      AudioBuffer(mono: tone, sampleRate: 44_100), code: Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III), to: url)
    #expect(try MediaFormat.detect(at: url) == .mp3)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.format.container == "mpeg" && decoded.format.encoding == "mp3")
    #expect(decoded.buffer.sampleRate == 44_100)
    // Lossy, with encoder delay and padding: the length and level survive approximately.
    #expect(abs(decoded.buffer.frameCount - 44_100) < 4_000)
    let rms = { (x: [Float]) in (x.reduce(0) { $0 + Double($1 * $1) } / Double(x.count)).squareRoot() }
    #expect(abs(20 * log10(rms(decoded.buffer.channels[0]) / rms(tone))) < 0.5)
  }

  /// An image is refused as audio by what it holds, not with libsndfile's guess.
  @Test func audioReaderRefusesImagesByContent() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("clip.wav")
    try ImageFile.write(Image(width: 4, height: 4, layout: .gray, filledWith: 0.2), to: url, as: .jpeg(quality: 90))
    let expected = MediaError.notAudio(path: url.path, reason: "it holds a JPEG image")
    #expect(throws: expected) { try AudioFile.read(from: url) }
    #expect(throws: expected) { try AudioFile.info(at: url) }
  }
}
