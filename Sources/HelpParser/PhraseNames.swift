/// A set of names (a product vocabulary's), matched as one part of a phrase: a trie of their
/// normalised tokens, walked once at a position, where one pattern per name made the grammar
/// try each of hundreds of names at every word of every step (410 imported labels made a lint
/// four times slower).
struct PhraseNames: Sendable {
    private struct Node: Sendable {
        var next: [PhraseText.Token: Int] = [:]
        var isEnd = false
    }

    private var nodes = [Node()]
    let count: Int

    /// - Parameter names: each name's tokens, normalised as pattern literals are.
    init(_ names: [[PhraseText.Token]]) {
        var added = 0
        for name in names where !name.isEmpty {
            var node = 0
            for token in name {
                if let next = nodes[node].next[token] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].next[token] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            if !nodes[node].isEnd { added += 1 }
            nodes[node].isEnd = true
        }
        count = added
    }

    /// Every position right after a name that starts at `start`, longest first. A space of a
    /// name may also match nothing where the sentence has none, as in a pattern's literal.
    func ends(in tokens: [PhraseText.Token], from start: Int) -> [Int] {
        var found: [Int] = []
        walk(0, tokens, start, &found)
        return Array(Set(found)).sorted(by: >)
    }

    private func walk(_ node: Int, _ tokens: [PhraseText.Token], _ position: Int, _ found: inout [Int]) {
        if nodes[node].isEnd { found.append(position) }
        if position < tokens.count, let next = nodes[node].next[tokens[position]] {
            walk(next, tokens, position + 1, &found)
        }
        if let next = nodes[node].next[.space], position >= tokens.count || tokens[position] != .space {
            walk(next, tokens, position, &found)
        }
    }
}
