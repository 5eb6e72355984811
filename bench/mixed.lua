-- The mixed workload of bench/src/test/java/zhidu/bench/CrmSimulation.java (80 % reads, 20 % writes,
-- the same requests in the same shares) for wrk, a load generator written in C (issue #8).
-- Gatling spends about as much CPU per request as the application's web layer; on a 2-core machine
-- it takes that CPU from the server it measures. The floor is driven by pgbench, a C program too,
-- so this run is the one whose throughput is set against the floor's.
--   BENCH_DATA=target/bench/1m/data BENCH_TODAY=2026-12-01 BENCH_SEARCH2=金桥 \
--   wrk -t1 -c16 -d60s -s bench/mixed.lua http://127.0.0.1:8097
-- Every response is checked: a status other than 200 or 201 (what the Gatling scenario accepts) is
-- an error; done() prints them with the connection errors.

local data = os.getenv("BENCH_DATA") or "target/bench-data"
local today = os.getenv("BENCH_TODAY") or os.date("%Y-%m-%d")
local search2 = os.getenv("BENCH_SEARCH2") or "金桥"

local function ids(file)
  local t = {}
  for line in io.lines(data .. "/" .. file) do
    if line:match("^%d+$") then t[#t + 1] = line end
  end
  assert(#t > 0, "no customer ids in " .. data .. "/" .. file)
  return t
end

local function urlencode(s)
  return (s:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local any, own
local q2 = "/api/v1/customers?size=20&q=" .. urlencode(search2)
local json = "application/json"
local function bearer(user) return { ["Authorization"] = "Bearer zd_bench-" .. user, ["Accept"] = json, ["Content-Type"] = json } end
local sales, director, admin, finance = bearer("s0001"), bearer("dir001"), bearer("admin"), bearer("finance")

local threads = {}
bad = 0 -- per thread; read by done() through thread:get

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  any, own = ids("customers.csv"), ids("own-customers.csv")
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

local function pick(t) return t[math.random(#t)] end

function request()
  local r = math.random() * 100
  local req
  if r < 20 then req = wrk.format("GET", "/api/v1/customers?size=20", sales)
  elseif r < 35 then req = wrk.format("GET", "/api/v1/customers?size=20", director)
  elseif r < 45 then req = wrk.format("GET", "/api/v1/customers?size=20", admin)
  elseif r < 65 then req = wrk.format("GET", "/api/v1/customers/" .. pick(own), sales)
  elseif r < 75 then req = wrk.format("GET", "/api/v1/customers/" .. pick(any), admin)
  elseif r < 80 then req = wrk.format("GET", q2, admin)
  elseif r < 88 then
    req = wrk.format("PUT", "/api/v1/customers/" .. pick(own) .. "/financials", sales,
      string.format('{"year":2025,"revenue":%d.00,"profit":12000.00,"totalAssets":9000000.00,"totalLiabilities":4000000.00}',
        math.random(100000, 9000000)))
  elseif r < 96 then
    req = wrk.format("POST", "/api/v1/customers/" .. pick(own) .. "/contacts", sales,
      '{"name":"压测联系人","title":"采购","mobile":"13800138000","decisionRole":"PURCHASER"}')
  else
    req = wrk.format("POST", "/api/v1/payments", finance,
      string.format('{"customerId":%s,"amount":10.00,"receivedOn":"%s","method":"BANK_TRANSFER"}', pick(own), today))
  end
  return req
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    bad = bad + 1
    if bad <= 5 then io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local status = 0
  for _, t in ipairs(threads) do status = status + t:get("bad") end
  local e = summary.errors
  io.write(string.format("mixed(wrk): requests %d, %.1f req/s, errors %d (connect %d, read %d, write %d, timeout %d, status %d), "
      .. "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests / secs, e.connect + e.read + e.write + e.timeout + status,
    e.connect, e.read, e.write, e.timeout, status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
