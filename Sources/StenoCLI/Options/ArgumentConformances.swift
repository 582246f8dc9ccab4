import ArgumentParser
import StenoAudio
import StenoDatasets
import StenoFeatures

// The library modules' mode enums, made usable as option values. The conformances live here, in the
// CLI, so that no library module depends on swift-argument-parser; the values are the enums' raw
// values (`--encoding s16le`, `--format kaldi`), so the option spellings are the library's names.

extension RawSampleEncoding: ExpressibleByArgument {}
extension AudioFileFormat.Container: ExpressibleByArgument {}
extension AudioFileFormat.Encoding: ExpressibleByArgument {}
extension FeatureFileFormat: ExpressibleByArgument {}
extension MFCCOptions.FeatureType: ExpressibleByArgument {}
extension DatasetFormat: ExpressibleByArgument {}
