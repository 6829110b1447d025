/// A position in a table (or none) in 4 bytes, where `Int?` takes 9 and pads to 16: for the per-person and
/// per-link fields held millions of times at national scale, and tables read for every row. Positions are
/// below 2³¹.
public struct OptionalPosition: Sendable, Equatable {
    @usableFromInline var raw: Int32

    @inlinable public init(_ value: Int?) { raw = value.map { Int32($0) } ?? -1 }

    @inlinable public var value: Int? { raw < 0 ? nil : Int(raw) }
}
