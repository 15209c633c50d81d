-- wrk script for bench/feedback_bench.py: every request POSTs one valid vote, as site.js's
-- fetch does (URL-encoded body, Accept: application/json), and counts the answers: 201 is a
-- stored vote, anything else a failure. done() prints both totals for the Python side.
wrk.method = "POST"
wrk.body = "article=bench-article&locale=fr&vote=yes"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
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
