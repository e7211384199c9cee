import AugmentCore
import MediaIO

/// Clarity: STOI of the candidate against its clean source (Taal et al. 2011), on the first channel.
///
/// A source with less than 384 ms of speech, such as a keyword, is scored over one shorter segment of all
/// its speech frames (``STOI/Measurement``); the verdict's `measure` names the segment length, `stoi-n30`
/// as published. A source with fewer than ``STOI/shortestSegmentLength`` frames of speech cannot be
/// scored at all, whatever is drawn: the rule throws ``SourceUnusable``.
struct STOIRule: ChecklistRule {
  let minimum: Double
  var name: String { "stoi" }

  func evaluate(_ sample: CandidateSample<MeasuredAudio>) throws -> Verdict {
    let clean = sample.original.buffer.channels[0], processed = sample.candidate.buffer.channels[0]
    let measured: STOI.Measurement
    do {
      if processed.count == clean.count {
        measured = try STOI.measure(sample.original.stoiReference(), processed: processed)
      } else {
        let length = min(clean.count, processed.count)
        measured = try STOI.measure(
          clean: Array(clean.prefix(length)), processed: Array(processed.prefix(length)),
          sampleRate: sample.original.buffer.sampleRate)
      }
    } catch STOI.Error.tooFewSpeechFrames(let found, let required) {
      throw SourceUnusable(
        rule: name,
        reason: "too little speech for the clarity gate (under \(required) STOI frames, "
          + "\(STOI.milliseconds(frames: required)) ms, after dropping silence)",
        detail: "\(found) frames of speech")
    }
    let n = measured.segmentLength
    var verdict = Verdict(
      rule: name, kind: .clarity, value: measured.value, minimum: minimum,
      what: n == STOI.standardSegmentLength ? "STOI" : "STOI over \(n) frames (short clip)",
      failure: "the speech is no longer clearly intelligible against its source")
    verdict.measure = "stoi-n\(n)"
    return verdict
  }
}

/// Realism: loudness (ITU-R BS.1770-4) within the range of the dataset's clips.
///
/// A clip shorter than one 400 ms gating block is measured over one block spanning the clip
/// (``Loudness/Measurement``), as calibration measures the dataset's short clips; the verdict's `measure`
/// is `bs1770` or `bs1770-single-block`. A clip under ``Loudness/shortestClipDuration`` (or with more
/// channels than BS.1770 weights) cannot be measured, whatever is drawn: the rule throws ``SourceUnusable``.
struct LoudnessRule: ChecklistRule {
  let range: ParameterRange
  var name: String { "loudness-lufs" }

  func evaluate(_ sample: CandidateSample<MeasuredAudio>) throws -> Verdict {
    let measured: Loudness.Measurement
    do {
      measured = try sample.candidate.loudness()
    } catch {
      throw Self.unusable(error, rule: name)
    }
    var verdict = Verdict(
      rule: name, kind: .realism, value: measured.value, minimum: range.lower, maximum: range.upper,
      what: measured.form == .integrated ? "loudness in LUFS" : "loudness in LUFS over one block (short clip)",
      failure: "no clip in the dataset is this loud or this quiet")
    verdict.measure = measured.form.rawValue
    return verdict
  }

  /// What makes a source unmeasurable, with a reason that is the same for every such source.
  static func unusable(_ error: Loudness.Error, rule: String) -> SourceUnusable {
    switch error {
    case .tooShort(let duration, let minimum):
      SourceUnusable(
        rule: rule, reason: "shorter than \(minimum) s, the shortest clip loudness is measured on",
        detail: "\(duration) s")
    case .tooManyChannels(let count):
      SourceUnusable(
        rule: rule, reason: "more than \(Loudness.channelWeights.count) channels for loudness (ITU-R BS.1770)",
        detail: "\(count) channels")
    }
  }
}

/// Realism: the fraction of samples at full scale (|x| ≥ 32767/32768, the PCM16 ceiling).
struct AudioClippingRule: ChecklistRule {
  let maximum: Double
  var name: String { "clipped-fraction" }

  func evaluate(_ sample: CandidateSample<MeasuredAudio>) throws -> Verdict {
    Verdict(
      rule: name, kind: .realism, value: AudioRealismFeatures.clippedFraction(sample.candidate.buffer), maximum: maximum,
      what: "the fraction of clipped samples", failure: "the mix distorts")
  }
}

/// Realism: the candidate's RT60 estimated blind from its free decays (``BlindReverberationTime``) lies in
/// the range measured the same way on the slice's real members.
///
/// A candidate without a free decay of 25 dB cannot show its room: it fails, with the number of regions
/// found (0) as its value and `measure` `free-decay-regions`, rather than passing unmeasured.
struct BlindRT60Rule: ChecklistRule {
  let range: ParameterRange
  var name: String { "blind-rt60-s" }

  func evaluate(_ sample: CandidateSample<MeasuredAudio>) throws -> Verdict {
    let candidate = sample.candidate.buffer
    guard
      let estimate = BlindReverberationTime.estimate(
        SignalMath.average(of: candidate.channels), sampleRate: candidate.sampleRate)
    else {
      var verdict = Verdict(
        rule: name, kind: .realism, value: 0, minimum: 1, what: "free-decay regions to estimate RT60 from",
        failure: "no pause lets the room decay 25 dB, so its reverberation cannot be compared with the members'")
      verdict.measure = "free-decay-regions"
      return verdict
    }
    var verdict = Verdict(
      rule: name, kind: .realism, value: estimate.seconds, minimum: range.lower, maximum: range.upper,
      what: "blind RT60 in s", failure: "real examples of the slice are not this reverberant or this dry")
    verdict.measure = "blind-rt60"
    return verdict
  }
}
