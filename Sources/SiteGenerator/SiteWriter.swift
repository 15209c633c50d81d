internal import Dispatch
internal import Foundation
internal import HelpModel

/// Writes rendered files to the output folder, atomically for a first build and incrementally
/// after it.
///
/// - First build (no output folder, or `clean`): everything goes into a staging folder beside
///   the output (`.site.staging-<pid>`), which then replaces the output with two renames.
/// - Later builds: every file is rendered and hashed; only files whose hash or size differ
///   from the manifest (or that are missing) are replaced, each atomically; files the new
///   build does not produce are removed; the manifest is written last.
struct SiteWriter {
    struct Outcome {
        var written = 0
        var unchanged = 0
        var removed = 0
        var writtenPaths: [String] = []
    }

    let output: String
    let clean: Bool
    let progress: (@Sendable (Int, Int) -> Void)?

    func write(_ jobs: [OutputJob]) throws(FileOutput.Failure) -> Outcome {
        let output = Self.trimmed(output)
        let incremental = !clean && FileOutput.exists(output)
        let pid = FileOutput.processID
        let target = incremental ? output : Self.sibling(of: output, named: "staging-\(pid)")
        let previous = incremental ? BuildManifest.load(from: output) : BuildManifest()
        try FileOutput.makeDirectories(target)
        let results: [(hash: UInt64, size: Int, written: Bool)]
        do {
            results = try renderAndWrite(jobs, into: target, previous: previous, replaceAtomically: incremental)
        } catch {
            if !incremental { Self.removeTree(target) }
            throw error
        }
        var manifest = BuildManifest()
        var outcome = Outcome()
        Self.record(results, of: jobs, into: &manifest, outcome: &outcome)
        for path in previous.entries.keys where manifest.entries[path] == nil {
            FileOutput.remove(target + "/" + path)
            outcome.removed += 1
        }
        try FileOutput.replace(target + "/" + BuildManifest.fileName, with: manifest.serialized(), temporarySuffix: ".tmp-\(pid)")
        if !incremental { try swapIn(staging: target, output: output, pid: pid) }
        return outcome
    }

    /// Writes the files of some jobs into an existing output, updating a manifest kept in
    /// memory (watch mode), then removes the files the site no longer has.
    /// - Parameter gone: recorded paths the site no longer has.
    func update(_ jobs: [OutputJob], manifest: inout BuildManifest, removing gone: [String]) throws(FileOutput.Failure) -> Outcome {
        let output = Self.trimmed(output)
        let results = try renderAndWrite(jobs, into: output, previous: manifest, replaceAtomically: true)
        var outcome = Outcome()
        Self.record(results, of: jobs, into: &manifest, outcome: &outcome)
        for path in gone where manifest.entries[path] != nil {
            FileOutput.remove(output + "/" + path)
            manifest.set(path, to: nil)
            outcome.removed += 1
        }
        if outcome.written > 0 || outcome.removed > 0 {
            try FileOutput.replace(
                output + "/" + BuildManifest.fileName, with: manifest.serialized(),
                temporarySuffix: ".tmp-\(FileOutput.processID)")
        }
        return outcome
    }

    /// Renders every job on all cores and writes those whose bytes differ from `previous`.
    private func renderAndWrite(
        _ jobs: [OutputJob], into target: String, previous: BuildManifest, replaceAtomically: Bool
    ) throws(FileOutput.Failure) -> [(hash: UInt64, size: Int, written: Bool)] {
        let pid = FileOutput.processID
        let results = ParallelResults<(hash: UInt64, size: Int, written: Bool)>(count: jobs.count)
        let failures = ParallelResults<FileOutput.Failure>(count: 1)
        let done = Counter()
        let folders = MadeFolders()
        let progress = self.progress
        let order = Self.interleavedByFolder(jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { step in
            let index = order[step]
            let job = jobs[index]
            let bytes = job.render()
            let hash = ContentHash.of(bytes)
            let path = target + "/" + job.path
            let unchanged = replaceAtomically
                && previous.entries[job.path] == BuildManifest.Entry(hash: hash, size: bytes.count)
                && FileOutput.size(of: path) == bytes.count
            if !unchanged {
                do throws(FileOutput.Failure) {
                    if let slash = job.path.lastIndex(of: "/") {
                        let folder = target + "/" + job.path[..<slash]
                        // Each folder once: 10,000 images or term files in one folder were
                        // 10,000 mkdir calls answered "exists", each a directory lookup.
                        if !folders.contains(folder) {
                            try FileOutput.makeDirectories(folder)
                            folders.insert(folder)
                        }
                    }
                    if replaceAtomically {
                        try FileOutput.replace(path, with: bytes, linking: job.linkSource, temporarySuffix: ".tmp-\(pid)")
                    } else if let source = job.linkSource, FileOutput.link(source, to: path) {
                        // Linked: no copy to write.
                    } else {
                        try FileOutput.write(bytes, to: path)
                    }
                } catch {
                    failures.store(error, at: 0)
                }
            }
            results.store((hash, bytes.count, !unchanged), at: index)
            let count = done.increment()
            if let progress, count % 500 == 0 || count == jobs.count { progress(count, jobs.count) }
        }
        if let failure = failures.values.first { throw failure }
        return results.values
    }

    /// The jobs' indexes in an order that takes one from each folder in turn, so that threads
    /// writing at the same moment make their new entries in different folders: two threads
    /// creating entries in one folder take turns at its lock (on ext4 the waiting one spins,
    /// a tenth of the write phase's kernel time with two locales). A job's folder is its
    /// path without the last two parts: a page in a folder of its own (`fr/slug/index.html`)
    /// makes that folder in `fr/`, and `fr/search/docs/1.js` shares its folder with its
    /// neighbours either way. Results keep the jobs' own order.
    static func interleavedByFolder(_ jobs: [OutputJob]) -> [Int] {
        var groups: [Substring: Int] = [:]
        var members: [[Int]] = []
        for (index, job) in jobs.enumerated() {
            let path = job.path[...]
            let folder = path.lastIndex(of: "/").flatMap { path[..<$0].lastIndex(of: "/") }.map { path[..<$0] } ?? ""
            if let group = groups[folder] {
                members[group].append(index)
            } else {
                groups[folder] = members.count
                members.append([index])
            }
        }
        var order: [Int] = []
        order.reserveCapacity(jobs.count)
        var next = Array(repeating: 0, count: members.count)
        while order.count < jobs.count {
            for group in members.indices where next[group] < members[group].count {
                order.append(members[group][next[group]])
                next[group] += 1
            }
        }
        return order
    }

    private static func record(
        _ results: [(hash: UInt64, size: Int, written: Bool)], of jobs: [OutputJob], into manifest: inout BuildManifest,
        outcome: inout Outcome
    ) {
        for (index, result) in results.enumerated() {
            let path = jobs[index].path
            manifest.set(path, to: BuildManifest.Entry(hash: result.hash, size: result.size))
            if result.written {
                outcome.written += 1
                outcome.writtenPaths.append(path)
            } else {
                outcome.unchanged += 1
            }
        }
    }

    private static func trimmed(_ output: String) -> String {
        output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    /// Puts the staging folder in place of the output with two renames, then deletes the old one.
    private func swapIn(staging: String, output: String, pid: Int32) throws(FileOutput.Failure) {
        guard FileOutput.exists(output) else {
            try FileOutput.rename(from: staging, to: output)
            return
        }
        let retired = Self.sibling(of: output, named: "old-\(pid)")
        try FileOutput.rename(from: output, to: retired)
        try FileOutput.rename(from: staging, to: output)
        Self.removeTree(retired)
    }

    /// `.site.staging-123` beside `site`.
    private static func sibling(of output: String, named suffix: String) -> String {
        let slash = output.lastIndex(of: "/")
        let folder = slash.map { String(output[...$0]) } ?? ""
        let name = slash.map { String(output[output.index(after: $0)...]) } ?? output
        return "\(folder).\(name).\(suffix)"
    }

    private static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A thread-safe counter for progress.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// The folders one write made or found, shared by its threads. A folder is added once it
/// exists, so a thread that finds it here can write into it; two threads may both make it
/// (the second is told it exists).
final class MadeFolders: @unchecked Sendable {
    private var folders: Set<String> = []
    private let lock = NSLock()

    func contains(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return folders.contains(folder)
    }

    func insert(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.insert(folder)
    }
}
