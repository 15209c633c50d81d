-- wrk script for bench/feedback_bench.py: every request POSTs the same body, as a page's
-- fetch does, and counts the answers: 201 is a stored row, anything else a failure. done()
-- prints both totals for the Python side.
--
--   wrk … -s bench/feedback_post.lua URL -- BODY CONTENT_TYPE
--
-- BODY defaults to a helpcenter vote, CONTENT_TYPE to a URL-encoded form.
wrk.method = "POST"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Runs in each thread before its request is built, so the body set here is the one sent.
function init(args)
  wrk.body = args[1] or "article=bench-article&locale=fr&vote=yes"
  wrk.headers["Content-Type"] = args[2] or "application/x-www-form-urlencoded;charset=UTF-8"
  created = 0
  failed = 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total_created, total_failed = 0, 0
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_failed = total_failed + thread:get("failed")
  end
  io.write(string.format("created: %d\nfailed: %d\n", total_created, total_failed))
end
