extension JSGFRuleTable {
    /// Parses one grammar file into the shared table; returns its grammar name.
    mutating func parse(bytes: [UInt8], path: String) throws -> String {
        var parser = try JSGFParser(bytes: bytes, path: path)
        return try parser.parse(into: &self)
    }
}
