extension RecipeBook {
  /// The recipes for the slices of the course's speech and visual-inspection examples.
  ///
  /// SNR ranges follow what the noise is like in life: cars and trains 0–15 dB, babble harder
  /// (0–12 dB), a library quiet (10–25 dB). Image ranges are chosen so the result still shows the defect.
  ///
  /// `low-bandwidth` draws its Butterworth corners from 320–380 and 3300–3600 Hz: a band quoted as
  /// 300–3400 Hz (sox's `sinc 300-3400`, say) is 6 dB down at its edges where a Butterworth corner is 3 dB
  /// down, and an 8th-order high-pass at 320 Hz follows that band's low edge within 3 dB from 250 Hz up,
  /// where one at 300 Hz passes 1.6–2.8 dB more between 250 and 300 Hz.
  /// `far-field` draws rooms whose RT60 the slice's real members show (``ReverberationCalibration``),
  /// high-passed at 10 Hz as room simulators do, and adds a room's babble 30–40 dB under the speech
  /// (whole-clip RMS), drawn to follow the members' blind SNR. WADA reads reverberant speech as much cleaner
  /// than its mix (30 dB reads as about 45, 38 dB as 100), so the members' 49–100 dB cannot narrow the range
  /// as they do for the noise slices. Then the recording is levelled as a device's gain does: a room lowers
  /// speech's peaks more than its loudness, so a recording levelled by its peaks is louder than the dry
  /// speech. `codec` is a VoIP call: a narrow band, then Opus at 13.5–26 kbit/s (compression level 0.92–0.97).
  public static let builtIn = RecipeBook(recipes: noiseRecipes + [lowBandwidth, farField, codec] + imageRecipes)

  private static let noiseSlices: [(slice: String, category: String, snr: ParameterRange, what: String)] = [
    ("car-noise", "car", .init(0, 15), "engine and road noise inside a car"),
    ("people-noise", "people", .init(0, 12), "babble of people talking nearby"),
    ("cafe-noise", "cafe", .init(3, 15), "café babble with cups and cutlery"),
    ("train-noise", "train", .init(0, 15), "wheels, rail joints and rumble in a train"),
    ("plane-noise", "plane", .init(0, 15), "cabin roar and engine tones in a plane"),
    ("machine-noise", "machine", .init(0, 15), "industrial hum and impacts"),
    ("library-noise", "library", .init(10, 25), "quiet room tone, page turns, steps"),
    ("food-court-noise", "food-court", .init(0, 12), "dense babble, clatter and music"),
  ]

  private static var noiseRecipes: [Recipe] {
    noiseSlices.map { slice in
      Recipe(
        name: slice.slice, modality: .audio, summary: "Speech over \(slice.what).",
        transforms: [TransformSpec(BackgroundNoiseSpec(category: slice.category, snrDB: slice.snr))],
        checklist: .defaults(for: .audio))
    }
  }

  private static let lowBandwidth = Recipe(
    name: "low-bandwidth", modality: .audio, summary: "Speech through a telephone channel (band-pass, 8 kHz, μ-law).",
    transforms: [TransformSpec(TelephoneSpec(lowHz: .init(320, 380), highHz: .init(3300, 3600), muLawProbability: 1))],
    checklist: .defaults(for: .audio))

  private static let farField = Recipe(
    name: "far-field", modality: .audio,
    summary: "Speech from across a room: a room impulse response, the room's babble, the recorder's level.",
    transforms: [
      TransformSpec(ImpulseResponseSpec(rt60Seconds: .init(0.15, 2), tailSeconds: .init(0.4, 0.8), highPassHz: 10)),
      TransformSpec(BackgroundNoiseSpec(category: "people", snrDB: .init(30, 40), snrDefinition: .rms)),
      TransformSpec(LoudnessSpec(targetLUFS: .init(-23, -19))),
    ],
    checklist: .defaults(for: .audio))

  private static let codec = Recipe(
    name: "codec", modality: .audio, summary: "Speech over a VoIP call: telephone band, then Opus at a low bitrate.",
    transforms: [
      TransformSpec(TelephoneSpec(lowHz: .init(300, 300), highHz: .init(3400, 3400), muLawProbability: 0)),
      TransformSpec(CodecSpec(codec: .opus, compressionLevel: .init(0.92, 0.97))),
    ],
    checklist: .defaults(for: .audio))

  private static let imageRecipes: [Recipe] = [
    Recipe(
      name: "dark-background", modality: .image,
      summary: "A dark surround around the lit object, and the sensor noise that comes with little light.",
      transforms: [
        TransformSpec(SpotlightSpec(targetLuminance: .init(0.05, 0.15), surround: .init(0.05, 0.1), falloff: .init(0.3, 0.6))),
        TransformSpec(SensorNoiseSpec(sigma: .init(0.006, 0.008))),
      ],
      checklist: .defaults(for: .image).overridden(by: .init(minSSIM: 0.2))),
    Recipe(
      name: "light-background", modality: .image,
      summary: "The scene over-lit or hazy: washed out towards white, lower contrast.",
      transforms: [
        TransformSpec(BrightnessContrastSpec(brightness: .init(0, 0.05), contrast: .init(-0.75, -0.45), pivot: .white))
      ],
      checklist: .defaults(for: .image).overridden(by: .init(minSSIM: 0.2, minDefectContrast: 0.25))),
    Recipe(
      name: "blurry", modality: .image, summary: "Out of focus or moving: Gaussian blur then slight motion blur.",
      transforms: [
        TransformSpec(GaussianBlurSpec(sigma: .init(0.6, 1.6))),
        TransformSpec(MotionBlurSpec(length: .init(1, 3))),
      ],
      checklist: .defaults(for: .image).overridden(by: .init(minDefectContrast: 0.35))),
    Recipe(
      name: "reflection", modality: .image,
      summary: "A small specular highlight with a blown-out core, as a lamp reflected in a glossy surface.",
      transforms: [
        TransformSpec(
          GlareSpec(
            strength: .init(0.85, 1), radiusAlong: .init(0.08, 0.13), radiusAcross: .init(0.02, 0.035),
            angle: .init(55, 125)))
      ],
      checklist: .defaults(for: .image)),
    Recipe(
      name: "compressed", modality: .image, summary: "Stored or sent as a heavily compressed JPEG: blocks and ringing.",
      transforms: [TransformSpec(JPEGCompressionSpec(quality: .init(10, 40)))],
      checklist: .defaults(for: .image)),
  ]
}
