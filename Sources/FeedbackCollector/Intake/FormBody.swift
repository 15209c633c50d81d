/// An `application/x-www-form-urlencoded` body decoded strictly: `+` is a space, `%XX` a byte,
/// and the bytes must be UTF-8. Browsers send nothing else, so anything else is a bad client
/// and is reported (where a lenient decoder would keep `%zz` as it is).
struct FormBody: Sendable {
    struct Field: Sendable {
        let name: String
        let value: String
    }

    /// The well-formed fields, in the order sent.
    private(set) var fields: [Field] = []
    /// One entry per malformed name or value.
    private(set) var problems: [FieldError] = []

    init(_ bytes: some Collection<UInt8>) {
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pieces[0]) else {
                problems.append(FieldError(field: "body", message: "a field name is not percent-encoded UTF-8"))
                continue
            }
            guard let value = pieces.count > 1 ? Self.decode(pieces[1]) : "" else {
                problems.append(FieldError(field: name, message: "the value is not percent-encoded UTF-8"))
                continue
            }
            fields.append(Field(name: name, value: value))
        }
    }

    /// Names whose value was malformed: already reported, so not "missing" as well.
    var malformedNames: Set<String> {
        Set(problems.map(\.field))
    }

    /// `nil` for a `%` not followed by two hex digits, or bytes that are not UTF-8.
    private static func decode(_ encoded: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            index = encoded.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != encoded.endIndex, let high = hexValue(encoded[index]) else { return nil }
                index = encoded.index(after: index)
                guard index != encoded.endIndex, let low = hexValue(encoded[index]) else { return nil }
                index = encoded.index(after: index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The values sent under each name, and an "unknown field" problem for each name not in
    /// `known` (once per name): how every form of the collector starts its checks.
    func valuesByName(known: [String], problems errors: inout [FieldError]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for field in fields {
            if values[field.name] == nil, !known.contains(field.name) {
                errors.append(FieldError(field: field.name, message: "unknown field"))
            }
            values[field.name, default: []].append(field.value)
        }
        return values
    }
}
