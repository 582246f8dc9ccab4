/// Where a phone sits in its word; context-dependent acoustic models keep separate triphones per position.
public enum WordPosition: Sendable, Hashable, CaseIterable {
    case begin
    case end
    case single
    case interior
}
