import AugmentCore
import MediaIO

/// Clarity: STOI of the candidate against its clean source (Taal et al. 2011), on the first channel.
struct STOIRule: ChecklistRule {
  let minimum: Double
  var name: String { "stoi" }

  func evaluate(_ sample: CandidateSample<AudioBuffer>) throws -> Verdict {
    let clean = sample.original.channels[0], processed = sample.candidate.channels[0]
    let length = min(clean.count, processed.count)
    let value = try STOI.compute(
      clean: Array(clean.prefix(length)), processed: Array(processed.prefix(length)),
      sampleRate: sample.original.sampleRate)
    return Verdict(
      rule: name, kind: .clarity, value: value, minimum: minimum, what: "STOI",
      failure: "the speech is no longer clearly intelligible against its source")
  }
}

/// Realism: the candidate's SNR estimated blind (WADA-SNR, Kim & Stern 2008) lies in the range measured
/// the same way on the slice's real members.
struct BlindSNRRule: ChecklistRule {
  let range: ParameterRange
  var name: String { "blind-snr-db" }

  func evaluate(_ sample: CandidateSample<AudioBuffer>) throws -> Verdict {
    Verdict(
      rule: name, kind: .realism, value: WADASNR.estimate(sample.candidate.channels[0]), minimum: range.lower,
      maximum: range.upper, what: "blind SNR (WADA) in dB",
      failure: "real examples of the slice are not this noisy or this clean")
  }
}

/// Realism: integrated loudness (ITU-R BS.1770-4) within the range of the dataset's clips.
struct LoudnessRule: ChecklistRule {
  let range: ParameterRange
  var name: String { "loudness-lufs" }

  func evaluate(_ sample: CandidateSample<AudioBuffer>) throws -> Verdict {
    Verdict(
      rule: name, kind: .realism, value: try Loudness.integrated(sample.candidate), minimum: range.lower,
      maximum: range.upper, what: "loudness in LUFS", failure: "no clip in the dataset is this loud or this quiet")
  }
}

/// Realism: the fraction of samples at full scale (|x| ≥ 32767/32768, the PCM16 ceiling).
struct AudioClippingRule: ChecklistRule {
  let maximum: Double
  var name: String { "clipped-fraction" }

  func evaluate(_ sample: CandidateSample<AudioBuffer>) throws -> Verdict {
    let ceiling: Float = 32767.0 / 32768.0
    var clipped = 0, total = 0
    for channel in sample.candidate.channels {
      clipped += channel.reduce(0) { $0 + (abs($1) >= ceiling ? 1 : 0) }
      total += channel.count
    }
    return Verdict(
      rule: name, kind: .realism, value: Double(clipped) / Double(max(total, 1)), maximum: maximum,
      what: "the fraction of clipped samples", failure: "the mix distorts")
  }
}

/// Realism: the noise mixed in comes from the bank category the slice is named after
/// (`car-noise` needs `car`), read from the applied parameters (a clip's path starts with its category).
struct NoiseCategoryRule: ChecklistRule {
  let expected: String
  var name: String { "noise-category" }

  func evaluate(_ sample: CandidateSample<AudioBuffer>) throws -> Verdict {
    let categories = sample.records.filter { $0.name == BackgroundNoise.name }
      .compactMap { try? $0.decodeParameters(BackgroundNoise.Parameters.self).clip.split(separator: "/").first.map(String.init) }
    let fits = !categories.isEmpty && categories.allSatisfy { $0 == expected }
    return Verdict(
      rule: name, kind: .realism, value: fits ? 1 : 0, minimum: 1,
      what: "noise from \(categories.isEmpty ? "no category" : categories.joined(separator: ", ")) for \(expected) (1 = fits)",
      failure: "the noise does not match the slice")
  }
}
