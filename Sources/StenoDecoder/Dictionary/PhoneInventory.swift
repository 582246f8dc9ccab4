import StenoCore

/// The phones a dictionary may use, with the integer ids the search will use for them.
///
/// Built from the acoustic model's base phones (`init(topology:)`) the ids are the model's own
/// base-phone ids, so the search can pass a dictionary's phones straight to
/// `AcousticModelTopology.senoneSequence(base:left:right:position:)` (StenoCore). When no model is at hand
/// (checking a transcript's words against a lexicon), ``open(_:)`` accepts every phone and numbers
/// them in the order they are first seen.
public struct PhoneInventory: Sendable, Equatable {
    /// Phone names by id.
    public let names: [String]
    /// Whether phones not in ``names`` are accepted (and given new ids) while loading a dictionary.
    public let acceptsNewPhones: Bool
    private let idsByName: [String: Int]

    /// A closed inventory: exactly these phones, with ids in the order given.
    ///
    /// - Precondition: no name appears twice.
    public init(names: [String]) {
        self.init(names: names, acceptsNewPhones: false)
    }

    /// A closed inventory from an unordered set of phone names; ids follow the names' sorted order
    /// (which is Sphinx's own order for its phone lists).
    public init(phoneSet: Set<String>) {
        self.init(names: phoneSet.sorted())
    }

    /// The base phones of an acoustic model, with the model's ids.
    public init(topology: any AcousticModelTopology) {
        self.init(names: (0..<topology.basePhoneCount).map { topology.phoneName($0) })
    }

    /// An inventory that accepts any phone, starting with `names` (ids in order of first appearance).
    public static func open(_ names: [String] = []) -> PhoneInventory {
        PhoneInventory(names: names, acceptsNewPhones: true)
    }

    init(names: [String], acceptsNewPhones: Bool) {
        var ids: [String: Int] = [:]
        for (id, name) in names.enumerated() {
            precondition(ids.updateValue(id, forKey: name) == nil, "phone \(name) listed twice")
        }
        self.names = names
        self.idsByName = ids
        self.acceptsNewPhones = acceptsNewPhones
    }

    /// Number of phones.
    public var count: Int { names.count }

    /// The id of a phone, or nil when the inventory does not have it.
    public func id(of name: String) -> Int? { idsByName[name] }

    /// The name of a phone id.
    public func name(of id: Int) -> String { names[id] }
}
