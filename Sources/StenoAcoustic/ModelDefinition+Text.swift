import Foundation
import StenoCore

extension ModelDefinition {
    /// Parses a text model definition (version "0.3").
    init(text: String, path: String) throws {
        var lines: [(number: Int, fields: [Substring])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty || fields[0].hasPrefix("#") { continue }
            lines.append((index + 1, fields))
        }
        func fail(_ problem: String, _ line: Int?) -> AcousticError {
            AcousticError(path: path, problem: problem, line: line)
        }
        guard let first = lines.first, first.fields == ["0.3"] else {
            throw fail("not a model definition (expected version line \"0.3\")", lines.first?.number ?? 1)
        }
        var counts: [Int] = []
        var cursor = 1
        let keys = ["n_base", "n_tri", "n_state_map", "n_tied_state", "n_tied_ci_state", "n_tied_tmat"]
        for key in keys {
            guard cursor < lines.count, lines[cursor].fields.count == 2, lines[cursor].fields[1] == key,
                  let value = Int(lines[cursor].fields[0]), value >= 0 else {
                throw fail("expected \"<count> \(key)\"", cursor < lines.count ? lines[cursor].number : nil)
            }
            counts.append(value)
            cursor += 1
        }
        // counts follow `keys`: n_base, n_tri, n_state_map, n_tied_state, n_tied_ci_state, n_tied_tmat.
        let baseCount = counts[0], triCount = counts[1], stateMap = counts[2]
        let phoneCount = baseCount + triCount
        guard phoneCount > 0, stateMap % phoneCount == 0, stateMap / phoneCount >= 2 else {
            throw fail("n_state_map \(stateMap) is not a multiple of \(phoneCount) phones", lines[3].number)
        }
        let states = stateMap / phoneCount - 1
        let senones = counts[3], matrices = counts[5]
        guard lines.count - cursor == phoneCount else {
            throw fail("expected \(phoneCount) phone rows, found \(lines.count - cursor)",
                       lines.count > cursor + phoneCount ? lines[cursor + phoneCount].number : lines.last?.number)
        }

        var names: [String] = []
        var fillers: [Bool] = []
        var phoneSequence: [Int32] = []
        var phoneMatrix: [Int32] = []
        var triphones: [Triphone] = []
        var sequenceIDs: [[UInt16]: Int32] = [:]
        var sequences: [UInt16] = []
        var nameIDs: [String: Int] = [:]
        for (offset, row) in lines[cursor...].enumerated() {
            let f = row.fields
            guard f.count == 6 + states + 1, f.last == "N" else {
                throw fail("expected base, left, right, position, attribute, tmat, \(states) senones and N", row.number)
            }
            let isBase = offset < baseCount
            guard let matrix = Int32(f[5]), matrix >= 0, Int(matrix) < matrices else {
                throw fail("bad transition matrix \"\(f[5])\"", row.number)
            }
            var senoneIDs: [UInt16] = []
            for field in f[6..<(6 + states)] {
                guard let id = UInt16(field), Int(id) < senones else {
                    throw fail("bad senone id \"\(field)\" (model has \(senones))", row.number)
                }
                senoneIDs.append(id)
            }
            if isBase {
                guard f[1] == "-", f[2] == "-", f[3] == "-" else {
                    throw fail("base phone rows must have \"-\" contexts", row.number)
                }
                let name = String(f[0])
                if let previous = names.last, previous >= name {
                    throw fail("base phones must be sorted (\"\(name)\" after \"\(previous)\")", row.number)
                }
                nameIDs[name] = names.count
                names.append(name)
                fillers.append(f[4] == "filler")
            } else {
                guard let base = nameIDs[String(f[0])], let left = nameIDs[String(f[1])],
                      let right = nameIDs[String(f[2])] else {
                    throw fail("triphone names an unknown base phone", row.number)
                }
                let codes: [Substring: WordPosition] = ["i": .interior, "b": .begin, "e": .end, "s": .single]
                guard let position = codes[f[3]] else {
                    throw fail("bad word position \"\(f[3])\"", row.number)
                }
                triphones.append(Triphone(base: base, left: left, right: right, position: position))
            }
            // Sequence ids in order of first appearance, as the Sphinx text reader assigns them.
            let id: Int32
            if let known = sequenceIDs[senoneIDs] {
                id = known
            } else {
                id = Int32(sequenceIDs.count)
                sequenceIDs[senoneIDs] = id
                sequences += senoneIDs
            }
            phoneSequence.append(id)
            phoneMatrix.append(matrix)
        }
        try self.init(
            path: path, basePhoneNames: names, isFiller: fillers, emittingStateCount: states,
            senoneCount: senones, ciSenoneCount: counts[4], transitionMatrixCount: matrices,
            senoneSequences: sequences, phoneSequence: phoneSequence, phoneTransitionMatrix: phoneMatrix,
            triphones: triphones)
    }
}
