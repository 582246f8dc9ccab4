import Foundation
import StenoCore

extension ModelDefinition {
    /// Parses a binary model definition ("BMDF", version 1, homogeneous HMMs).
    init(binary input: ByteReader) throws {
        var reader = input
        if reader.bytes.prefix(4).elementsEqual("FDMB".utf8) { reader.swapsBytes = true }
        reader.offset = 4
        let versionOffset = reader.offset
        let version = try reader.int32("version")
        guard version == 1 else { throw reader.error("unsupported binary mdef version \(version)", at: versionOffset) }
        let descriptionLength = try reader.count("description length", limit: 1 << 20)
        try reader.skip(descriptionLength, for: "format description")

        let ciPhoneCount = try reader.count("n_ciphone", limit: 127)
        let phoneCount = try reader.count("n_phone", limit: 1 << 24)
        let stateOffset = reader.offset
        let emittingStates = try reader.count("n_emit_state", limit: 64)
        let ciSenones = try reader.count("n_ci_sen", limit: 1 << 20)
        let senones = try reader.count("n_sen", limit: 65_535)
        let matrices = try reader.count("n_tmat", limit: 1 << 16)
        let sequences = try reader.count("n_sseq", limit: 1 << 24)
        _ = try reader.count("n_ctx", limit: 16)
        let treeNodes = try reader.count("n_cd_tree", limit: 1 << 26)
        _ = try reader.int32("sil")
        guard emittingStates > 0 else {
            throw reader.error("heterogeneous models (n_emit_state 0) are not supported", at: stateOffset)
        }
        guard ciPhoneCount > 0, phoneCount >= ciPhoneCount, ciSenones <= senones else {
            throw reader.error("inconsistent counts: \(ciPhoneCount) CI phones, \(phoneCount) phones, "
                + "\(ciSenones) CI senones, \(senones) senones", at: 16 + descriptionLength)
        }

        let namesStart = reader.offset
        var names: [String] = []
        for _ in 0..<ciPhoneCount { names.append(try reader.cString("CI phone name")) }
        try reader.skip((4 - (reader.offset - namesStart) % 4) % 4, for: "name padding")
        try reader.skip(treeNodes * 8, for: "context tree")

        let phonesOffset = reader.offset
        try reader.require(phoneCount * 12, for: "phone table")
        var phoneSequence = [Int32](repeating: 0, count: phoneCount)
        var phoneMatrix = [Int32](repeating: 0, count: phoneCount)
        var fillers = [Bool](repeating: false, count: ciPhoneCount)
        var triphones: [Triphone] = []
        triphones.reserveCapacity(phoneCount - ciPhoneCount)
        for phone in 0..<phoneCount {
            let recordOffset = reader.offset
            phoneSequence[phone] = try reader.int32("phone senone sequence")
            phoneMatrix[phone] = try reader.int32("phone transition matrix")
            let info = reader.bytes[reader.offset..<(reader.offset + 4)]
            reader.offset += 4
            let i0 = Int(info[info.startIndex]), i1 = Int(info[info.startIndex + 1])
            let i2 = Int(info[info.startIndex + 2]), i3 = Int(info[info.startIndex + 3])
            if phone < ciPhoneCount {
                fillers[phone] = i0 != 0
            } else {
                guard let position = WordPosition(sphinxCode: i0), i1 < ciPhoneCount, i2 < ciPhoneCount,
                      i3 < ciPhoneCount else {
                    throw reader.error("phone \(phone) has a bad context record", at: recordOffset)
                }
                triphones.append(Triphone(base: i1, left: i2, right: i3, position: position))
            }
        }
        _ = phonesOffset

        let sequenceOffset = reader.offset
        let sequenceValues = try reader.count("senone sequence size", limit: 1 << 28)
        guard sequenceValues == sequences * emittingStates else {
            throw reader.error("senone sequence size \(sequenceValues) ≠ \(sequences)×\(emittingStates)", at: sequenceOffset)
        }
        try reader.require(sequenceValues * 2, for: "senone sequences")
        var senoneSequences = [UInt16](repeating: 0, count: sequenceValues)
        for k in 0..<sequenceValues { senoneSequences[k] = try reader.uint16("senone id") }
        guard reader.remaining < 4 else {
            throw reader.error("\(reader.remaining) unexpected bytes after the senone sequences")
        }
        try self.init(
            path: reader.path, basePhoneNames: names, isFiller: fillers, emittingStateCount: emittingStates,
            senoneCount: senones, ciSenoneCount: ciSenones, transitionMatrixCount: matrices,
            senoneSequences: senoneSequences, phoneSequence: phoneSequence, phoneTransitionMatrix: phoneMatrix,
            triphones: triphones)
    }
}
