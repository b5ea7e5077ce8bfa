-- wrk script for bench/submissions.sh (which prepends `agencies` and `indicator`): every request is a new figure
-- (agency × month, months from 2030-01 on, or from base_year when a caller sets it), with the reporter token of that agency and a fresh Idempotency-Key.
-- `thread_id` is a global that setup() gives each thread's Lua state (a `local` here would shadow it: every thread
-- then had id 0 and the same random seed, so the two wrk threads sent the same figures with the same keys and half
-- of the requests were replays of the other thread's).
local counter = 0
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  thread_id = thread_id or 0
  math.randomseed(os.time() * 16 + thread_id)
end

request = function()
  local n = counter * 2 + thread_id
  counter = counter + 1
  local a = agencies[(n % #agencies) + 1]
  local k = math.floor(n / #agencies)
  local year = (base_year or 2030) + math.floor(k / 12)
  local month = (k % 12) + 1
  local body = string.format(
    '{"indicatorId":"%s","agencyId":"%s","period":"%04d-%02d","numerator":%d,"denominator":100}',
    indicator, a.id, year, month, 90 + n % 10)
  local key = string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffffffff))
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. a.token,
    ["Idempotency-Key"] = key,
  }, body)
end

local failures = 0
response = function(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("status " .. status .. ": " .. body .. "\n")
    end
  end
end
