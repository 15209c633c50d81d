internal import PostgresNIO

// The two statements the collector runs on every batch, prepared once per pooled connection
// (postgres-nio parses each the first time a connection runs it): a fixed text with arrays
// bound, whatever the batch's size, so PostgreSQL does not parse them again.

/// A batch of votes in one `INSERT`, one array per column (`unnest` keeps their order, so ids
/// follow the batch's). Optional array elements cannot be bound, so a comment's presence is its
/// own array.
struct InsertVotes: PostgresPreparedStatement {
    static let sql = """
        INSERT INTO vote(article, locale, vote, comment, created_at)
        SELECT article, locale, vote, CASE WHEN has_comment THEN comment END, created_at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[])
            AS r(article, locale, vote, comment, has_comment, created_at)
        """
    typealias Row = Void

    let rows: [VoteRow]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 6)
        bindings.append(rows.map(\.article))
        bindings.append(rows.map(\.locale))
        bindings.append(rows.map(\.vote))
        bindings.append(rows.map { $0.comment ?? "" })
        bindings.append(rows.map { $0.comment != nil })
        bindings.append(rows.map(\.createdAt))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}

/// The rate limit's takes of a batch in one upsert: each client's bucket refilled to `now`, then
/// as many tokens taken as it has requests in the batch and whole tokens in the bucket (never
/// more than `capacity`, the most a new bucket holds). `granted` is what this statement took,
/// `tokens` what is left: the caller allows that many of the client's requests, in order, and
/// refuses the rest.
///
/// The refill and the take are computed in the row's lock, so two batches (of one collector or
/// of two) cannot both spend the last token; buckets are locked in the order of their client
/// key, so two batches holding several clients cannot deadlock.
struct TakeTokens: PostgresPreparedStatement {
    static let sql = """
        WITH wanted AS (
            SELECT client, LEAST(count(*), $2)::integer AS n FROM unnest($1::text[]) AS w(client) GROUP BY client)
        INSERT INTO rate_bucket AS b (client, tokens, updated, allowed, granted)
        SELECT client, $2 - n, $3, true, n FROM wanted ORDER BY client
        ON CONFLICT (client) DO UPDATE SET
            granted = LEAST(EXCLUDED.granted, floor(LEAST($2, b.tokens + GREATEST(0, $3 - b.updated) * $4))::integer),
            tokens = LEAST($2, b.tokens + GREATEST(0, $3 - b.updated) * $4)
                - LEAST(EXCLUDED.granted, floor(LEAST($2, b.tokens + GREATEST(0, $3 - b.updated) * $4))::integer),
            updated = GREATEST(b.updated, $3),
            allowed = LEAST($2, b.tokens + GREATEST(0, $3 - b.updated) * $4) >= 1
        RETURNING client, granted, tokens
        """
    typealias Row = (client: String, granted: Int, tokens: Double)

    /// One key per request, in the batch's order; a client may appear several times.
    let clients: [String]
    let capacity: Int
    /// Seconds since 1970, the collector's clock.
    let now: Double
    let perSecond: Double

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(clients)
        bindings.append(capacity)
        bindings.append(now)
        bindings.append(perSecond)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        let (client, granted, tokens) = try row.decode((String, Int32, Double).self)
        return (client, Int(granted), tokens)
    }
}
