/// Where a phone sits in its word; context-dependent acoustic models keep separate triphones per position.
public enum WordPosition: Sendable, Hashable, CaseIterable {
    /// First phone of a word of two or more phones.
    case begin
    /// Last phone of a word of two or more phones.
    case end
    /// The only phone of a one-phone word.
    case single
    /// Any other phone: neither first nor last.
    case interior
}
