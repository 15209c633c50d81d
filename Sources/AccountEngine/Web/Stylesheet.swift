internal import HTTPTypes
internal import Hummingbird

/// The engine's only stylesheet, served from `/assets/engine.css` so the CSP needs no inline style.
enum Stylesheet {
    static var response: Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: css))
        )
    }

    static let css = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.5rem 1rem;background:#003580;color:#fff}
        header a,header button{color:#fff}
        header ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}
        header form{margin:0}header button{background:none;border:1px solid #fff;border-radius:4px;cursor:pointer}
        .brand{font-weight:bold;margin:0}.languages{margin-left:auto}
        main{max-width:48rem;margin:1rem auto;padding:0 1rem}
        .field label{display:block;font-weight:600}.field input{width:100%;max-width:24rem;padding:.4rem}
        button{font:inherit;padding:.4rem .8rem}
        .notice{background:#e7f4e4;padding:.5rem}.error{background:#fde8e8;padding:.5rem;color:#8a0000}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
        td form{display:inline}fieldset{margin:1rem 0}
        @media (prefers-color-scheme:dark){body{background:#121212;color:#eee}th,td{border-color:#444}}
        """
}
