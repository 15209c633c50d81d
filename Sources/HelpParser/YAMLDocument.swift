internal import HelpModel
internal import Yams

/// A YAML text of a content file, composed into nodes that remember where they were written.
///
/// Front matter, `helpcenter.yml` and phrasebooks all go through here, so a wrong value is
/// reported at its own `file:line:column` whichever file it is in.
struct YAMLDocument {
    let file: String
    /// File lines before the YAML text (1 for front matter after its opening `---`).
    let lineOffset: Int
    let root: Node?

    /// Composes `text`; a syntax error becomes a diagnostic at the error's position.
    static func compose(_ text: String, file: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        do {
            // The basic resolver types no scalar (every value stays text, read by our own checks),
            // which spares a regular expression per value; the explicit encoding spares an
            // environment lookup per document. Both matter at 20,000 front matters a build.
            let root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
            return .success(YAMLDocument(file: file, lineOffset: lineOffset, root: root))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(.error("cannot read YAML: \(error)", file: file, at: SourceLocation(line: lineOffset + 1, column: 1)))
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: lineOffset + 1, column: 1) }
        return SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    func error(_ message: String, at node: Node) -> Diagnostic {
        .error(message, file: file, at: location(of: node))
    }

    func warning(_ message: String, at node: Node) -> Diagnostic {
        .warning(message, file: file, at: location(of: node))
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message = "invalid YAML: \(problem); check indentation and quote values that contain ': ' or '#'"
            let notes = context.map { [Diagnostic.Note(file: file, location: at($0.mark), message: "\($0.text) that starts here")] } ?? []
            return .error(message, file: file, at: at(mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate key \(duplicates.joined(separator: ", ")) in YAML", file: file, at: at(context.mark))
        default:
            return .error("invalid YAML: \(error)", file: file, at: SourceLocation(line: lineOffset + 1, column: 1))
        }
    }
}

extension Node {
    /// The entries of a mapping in written order, keyed by their string keys.
    var entries: [(key: Node, value: Node)]? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.map { ($0.key, $0.value) }
    }

    var scalarText: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }

    var items: [Node]? {
        guard case .sequence(let sequence) = self else { return nil }
        return Array(sequence)
    }
}
