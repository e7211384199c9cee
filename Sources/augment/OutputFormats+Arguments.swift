import ArgumentParser
import AugmentPipeline

extension ImageOutputFormat: ExpressibleByArgument {}
extension AudioOutputFormat: ExpressibleByArgument {}
