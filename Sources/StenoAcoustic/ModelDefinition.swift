import Foundation
import StenoCore

/// A Sphinx model definition (`mdef`): the base phones, the context-dependent triphones, and the
/// senone sequence and transition matrix of each.
public struct ModelDefinition: Sendable {
    /// One context-dependent phone: a base phone in a left/right context at a word position.
    public struct Triphone: Sendable, Hashable {
        public let base: Int
        public let left: Int
        public let right: Int
        public let position: WordPosition
    }

    /// Base (context-independent) phone names, in id order (sorted, as Sphinx requires).
    public let basePhoneNames: [String]
    /// Whether each base phone is a filler (silence, noise).
    public let isFiller: [Bool]
    /// Emitting states per HMM.
    public let emittingStateCount: Int
    /// Total senones; the first `ciSenoneCount` belong to the base phones.
    public let senoneCount: Int
    /// Senones of the context-independent phones.
    public let ciSenoneCount: Int
    /// Number of transition matrices the phones refer to.
    public let transitionMatrixCount: Int
    /// Senone sequences, `emittingStateCount` senone ids each, flattened.
    public let senoneSequences: [UInt16]
    /// Senone sequence of each phone (base phones first, then triphones).
    public let phoneSequence: [Int32]
    /// Transition matrix of each phone.
    public let phoneTransitionMatrix: [Int32]
    /// The triphones, in phone id order after the base phones.
    public let triphones: [Triphone]
    /// For every senone, the base phone of the first phone that uses it: the codebook of a PTM model.
    public let senoneBasePhone: [Int32]
    /// The silence phone ("SIL").
    public let silencePhone: Int

    /// Phone id by [position][base][left][right], −1 where the model has no such triphone.
    private let triphoneTable: [Int32]
    private let nameToPhone: [String: Int]

    public var basePhoneCount: Int { basePhoneNames.count }
    public var phoneCount: Int { phoneSequence.count }
    public var senoneSequenceCount: Int { senoneSequences.count / emittingStateCount }

    init(path: String, basePhoneNames: [String], isFiller: [Bool], emittingStateCount: Int, senoneCount: Int,
         ciSenoneCount: Int, transitionMatrixCount: Int, senoneSequences: [UInt16], phoneSequence: [Int32],
         phoneTransitionMatrix: [Int32], triphones: [Triphone]) throws {
        let n = basePhoneNames.count
        var names: [String: Int] = [:]
        for (id, name) in basePhoneNames.enumerated() {
            guard names.updateValue(id, forKey: name) == nil else {
                throw AcousticError(path: path, problem: "base phone \"\(name)\" is listed twice")
            }
        }
        guard let silence = names["SIL"] else {
            throw AcousticError(path: path, problem: "no SIL phone")
        }
        guard emittingStateCount > 0, senoneSequences.count % emittingStateCount == 0 else {
            throw AcousticError(path: path, problem: "senone sequences do not hold \(emittingStateCount) states each")
        }
        let sequenceCount = senoneSequences.count / emittingStateCount
        for (phone, sequence) in phoneSequence.enumerated() {
            guard sequence >= 0, Int(sequence) < sequenceCount else {
                throw AcousticError(path: path, problem: "phone \(phone) uses senone sequence \(sequence) of \(sequenceCount)")
            }
            let matrix = phoneTransitionMatrix[phone]
            guard matrix >= 0, Int(matrix) < transitionMatrixCount else {
                throw AcousticError(path: path, problem: "phone \(phone) uses transition matrix \(matrix) of \(transitionMatrixCount)")
            }
        }
        if let bad = senoneSequences.first(where: { Int($0) >= senoneCount }) {
            throw AcousticError(path: path, problem: "senone id \(bad) ≥ senone count \(senoneCount)")
        }
        var table = [Int32](repeating: -1, count: 4 * n * n * n)
        for (index, triphone) in triphones.enumerated() {
            guard triphone.base < n, triphone.left < n, triphone.right < n,
                  triphone.base >= 0, triphone.left >= 0, triphone.right >= 0 else {
                throw AcousticError(path: path, problem: "triphone \(n + index) names a phone outside 0..<\(n)")
            }
            table[Self.tableIndex(triphone.base, triphone.left, triphone.right, triphone.position, n)] = Int32(n + index)
        }
        // The senone → base phone map: the base phone of the first phone (in id order) using each senone.
        var senoneBase = [Int32](repeating: -1, count: senoneCount)
        for phone in 0..<phoneSequence.count {
            let base = phone < n ? phone : triphones[phone - n].base
            let first = Int(phoneSequence[phone]) * emittingStateCount
            for state in 0..<emittingStateCount {
                let senone = Int(senoneSequences[first + state])
                if senoneBase[senone] < 0 { senoneBase[senone] = Int32(base) }
            }
        }
        if let unused = senoneBase.firstIndex(of: -1) {
            throw AcousticError(path: path, problem: "senone \(unused) is used by no phone")
        }

        self.basePhoneNames = basePhoneNames
        self.isFiller = isFiller
        self.emittingStateCount = emittingStateCount
        self.senoneCount = senoneCount
        self.ciSenoneCount = ciSenoneCount
        self.transitionMatrixCount = transitionMatrixCount
        self.senoneSequences = senoneSequences
        self.phoneSequence = phoneSequence
        self.phoneTransitionMatrix = phoneTransitionMatrix
        self.triphones = triphones
        self.senoneBasePhone = senoneBase
        self.silencePhone = silence
        self.triphoneTable = table
        self.nameToPhone = names
    }

    /// Reads a binary (`BMDF`) or text (version 0.3) model definition.
    public init(contentsOf url: URL) throws {
        let reader = try ByteReader(contentsOf: url)
        let magic = reader.bytes.prefix(4)
        if magic.elementsEqual("BMDF".utf8) || magic.elementsEqual("FDMB".utf8) {
            try self.init(binary: reader)
        } else {
            try self.init(text: String(decoding: reader.bytes, as: UTF8.self), path: url.path)
        }
    }

    private static func tableIndex(_ base: Int, _ left: Int, _ right: Int, _ position: WordPosition, _ n: Int) -> Int {
        ((position.sphinxCode * n + base) * n + left) * n + right
    }

    /// The base phone with this name.
    public func basePhone(named name: String) -> Int? { nameToPhone[name] }

    /// The phone id of an exact triphone (fillers as contexts count as silence), or nil.
    public func phone(base: Int, left: Int, right: Int, position: WordPosition) -> Int? {
        let n = basePhoneCount
        let l = isFiller[left] ? silencePhone : left
        let r = isFiller[right] ? silencePhone : right
        let id = triphoneTable[Self.tableIndex(base, l, r, position, n)]
        return id < 0 ? nil : Int(id)
    }

    /// The phone modelling `base` in this context, falling back as pocketsphinx does: the exact
    /// triphone; the same contexts at the other word positions (in Sphinx's position order);
    /// then with word-boundary and filler contexts replaced by silence; finally the base phone.
    public func nearestPhone(base: Int, left: Int, right: Int, position: WordPosition) -> Int {
        if let id = phone(base: base, left: left, right: right, position: position) { return id }
        for other in WordPosition.sphinxOrder where other != position {
            if let id = phone(base: base, left: left, right: right, position: other) { return id }
        }
        let newLeft = (isFiller[left] || position == .begin || position == .single) ? silencePhone : left
        let newRight = (isFiller[right] || position == .end || position == .single) ? silencePhone : right
        if newLeft != left || newRight != right {
            if let id = phone(base: base, left: newLeft, right: newRight, position: position) { return id }
            for other in WordPosition.sphinxOrder where other != position {
                if let id = phone(base: base, left: newLeft, right: newRight, position: other) { return id }
            }
        }
        return base
    }
}

extension WordPosition {
    /// Sphinx's numbering: 0 internal, 1 begin, 2 end, 3 single.
    var sphinxCode: Int {
        switch self {
        case .interior: 0
        case .begin: 1
        case .end: 2
        case .single: 3
        }
    }

    init?(sphinxCode: Int) {
        switch sphinxCode {
        case 0: self = .interior
        case 1: self = .begin
        case 2: self = .end
        case 3: self = .single
        default: return nil
        }
    }

    /// Positions in Sphinx's numeric order, the order of the "nearest triphone" search.
    static let sphinxOrder: [WordPosition] = [.interior, .begin, .end, .single]
}
