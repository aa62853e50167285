-- Decides one bid on one lot, atomically. Every key carries the lot's hash tag {lot:ID}.
-- KEYS[1] state (hash)   KEYS[2] limits (hash bidder -> approved limit)   KEYS[3] maxima (hash bidder -> best bid)
-- KEYS[4] stream of accepted bids   KEYS[5] this request's idempotency record
-- ARGV[1] bidder id   ARGV[2] MANUAL | PROXY   ARGV[3] amount (the bid, or the proxy maximum)
-- ARGV[4] request fingerprint   ARGV[5] idempotency record lifetime (ms)   ARGV[6] live channel
-- Time is Redis' own (TIME): every instance, timer and bid shares one clock.
-- Returns 'A|seq|price|leader|leaderMax|endsAt|extensions|extended|buyNow|minimumNext|acceptedAt[|replay]' for an
--      accepted bid, 'M|...' in the same layout for a leader's raise of their own maximum (not a bid: seq, price and
--      end stay as they were, extended and buyNow are 0), or 'R|REASON[|number]'. Numbers are formatted with %.0f: Lua
--      numbers are doubles, exact below 2^53, and amounts are capped at 10^12.
-- Stream entries: a bid has no 'type' field (seq, bidder, kind, amount, the lot's state after it, at); a raise has
--      'type' = 'max', bidder, leaderMax (the new maximum), afterSeq (the last bid, which it follows) and at.
local function fmt(n) return string.format('%.0f', n) end

local prior = redis.call('GET', KEYS[5])
if prior then
  local bar = string.find(prior, '|', 1, true)
  if string.sub(prior, 1, bar - 1) ~= ARGV[4] then return 'R|IDEMPOTENCY_KEY_REUSED' end
  return string.sub(prior, bar + 1) .. '|replay'
end

local s = redis.call('HMGET', KEYS[1], 'status', 'seller', 'start', 'startsAt', 'endsAt', 'price', 'leader',
  'leaderMax', 'seq', 'reserve', 'buyNow', 'inc', 'window', 'ext', 'extensions', 'maxExt', 'second', 'secondMax')
if not s[1] then return 'R|NO_STATE' end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if s[1] == 'SCHEDULED' or (s[1] == 'OPEN' and now < tonumber(s[4])) then return 'R|NOT_OPEN' end
local endsAt = tonumber(s[5])
if s[1] ~= 'OPEN' or now >= endsAt then return 'R|CLOSED' end

local bidder, kind, amount = ARGV[1], ARGV[2], tonumber(ARGV[3])
if bidder == s[2] then return 'R|SELLER' end
local limit = redis.call('HGET', KEYS[2], bidder)
if not limit then return 'R|NOT_REGISTERED' end
limit = tonumber(limit)

local function increment(p)
  local inc = 0
  for from, step in string.gmatch(s[12], '(%d+):(%d+)') do
    if p >= tonumber(from) or inc == 0 then inc = tonumber(step) end
  end
  return inc
end

local price, seq, leader, leaderMax = tonumber(s[6]), tonumber(s[9]), s[7], tonumber(s[8])
local minimum = seq == 0 and tonumber(s[3]) or price + increment(price)
local buyNowPrice = tonumber(s[11])
local newPrice, newLeader, newMax = price, leader, leaderMax

-- A leader's raise of their own hidden maximum is durable but is not a bid: no sequence number (bids stay gapless,
-- each at a price of its own), no price, no end moved (a raise never extends a soft close: nobody was outbid), nothing
-- published (the maximum is hidden and nothing watchers see has changed). Its stream entry, after the bid it follows,
-- lets a rebuilt state keep it; its answer is kept under the Idempotency-Key as a bid's is.
local function raiseMaximum(newMax)
  redis.call('HSET', KEYS[1], 'leaderMax', fmt(newMax))
  local best = tonumber(redis.call('HGET', KEYS[3], bidder) or '0')
  if newMax > best then redis.call('HSET', KEYS[3], bidder, fmt(newMax)) end
  redis.call('XADD', KEYS[4], '*', 'type', 'max', 'bidder', bidder, 'leaderMax', fmt(newMax), 'afterSeq', fmt(seq),
    'at', fmt(now))
  local result = 'M|' .. fmt(seq) .. '|' .. fmt(price) .. '|' .. bidder .. '|' .. fmt(newMax) .. '|' .. fmt(endsAt)
    .. '|' .. s[15] .. '|0|0|' .. fmt(price + increment(price)) .. '|' .. fmt(now)
  redis.call('SET', KEYS[5], ARGV[4] .. '|' .. result, 'PX', ARGV[5])
  return result
end

if seq > 0 and leader == bidder then
  -- A leader is never raised by their own bid: only their hidden maximum grows (below the buy-now price, which buys).
  if kind ~= 'PROXY' then return 'R|ALREADY_LEADING|' .. fmt(minimum) end
  if amount <= leaderMax then return 'R|MAX_NOT_RAISED|' .. fmt(leaderMax) end
  if amount > limit then return 'R|OVER_LIMIT|' .. fmt(limit) end
  if not (buyNowPrice and amount >= buyNowPrice) then return raiseMaximum(amount) end
  newMax = amount
else
  if amount < minimum then return 'R|TOO_LOW|' .. fmt(minimum) end
  if amount > limit then return 'R|OVER_LIMIT|' .. fmt(limit) end
  if seq == 0 then
    newLeader, newMax = bidder, amount
    newPrice = kind == 'PROXY' and minimum or amount
  elseif amount > leaderMax then
    newLeader, newMax = bidder, amount
    newPrice = kind == 'PROXY' and math.min(amount, math.max(minimum, leaderMax + increment(leaderMax))) or amount
  elseif amount == leaderMax then
    newPrice = leaderMax -- an equal maximum loses to the earlier one
  else
    newPrice = math.min(amount + increment(amount), leaderMax)
  end
end

local buyNow = 0
if buyNowPrice and amount >= buyNowPrice then
  -- No maximum can reach the buy-now price while the lot is open, so this bid leads.
  buyNow, newLeader, newPrice, newMax = 1, bidder, buyNowPrice, amount
end

local extended, extensions = 0, tonumber(s[15])
local window, ext = tonumber(s[13]), tonumber(s[14])
if buyNow == 1 then
  endsAt = now
elseif window > 0 and ext > 0 and now >= endsAt - window and extensions < tonumber(s[16]) and now + ext > endsAt then
  endsAt, extensions, extended = now + ext, extensions + 1, 1
end

-- The runner-up (second place if the lot ended now): the best maximum but the leader's, the earlier on a tie, as for
-- the lead. A displaced leader's maximum is the best of the rest; a bid that does not lead competes at its amount.
local second, secondMax = s[17] or '', tonumber(s[18] or '0')
if newLeader ~= leader then
  if seq > 0 then second, secondMax = leader, leaderMax end
elseif bidder == newLeader then
  -- the leader bought the lot at the buy-now price: the runner-up stays
elseif bidder == second then
  secondMax = math.max(secondMax, amount)
elseif second == '' or amount > secondMax then
  second, secondMax = bidder, amount
end

seq = seq + 1
redis.call('HSET', KEYS[1], 'second', second, 'secondMax', fmt(secondMax))
redis.call('HSET', KEYS[1], 'price', fmt(newPrice), 'leader', newLeader, 'leaderMax', fmt(newMax), 'seq', fmt(seq),
  'endsAt', fmt(endsAt), 'extensions', fmt(extensions))
if buyNow == 1 then redis.call('HSET', KEYS[1], 'status', 'CLOSED') end
local best = tonumber(redis.call('HGET', KEYS[3], bidder) or '0')
if amount > best then redis.call('HSET', KEYS[3], bidder, fmt(amount)) end
redis.call('XADD', KEYS[4], '*', 'seq', fmt(seq), 'bidder', bidder, 'kind', kind, 'amount', fmt(amount),
  'price', fmt(newPrice), 'leader', newLeader, 'leaderMax', fmt(newMax), 'previous', leader, 'endsAt', fmt(endsAt),
  'extended', extended, 'extensions', fmt(extensions), 'buyNow', buyNow, 'at', fmt(now))
local nextMinimum = newPrice + increment(newPrice)
redis.call('PUBLISH', ARGV[6], '{"type":"' .. (buyNow == 1 and 'closed' or 'bid') .. '","seq":' .. fmt(seq)
  .. ',"price":' .. fmt(newPrice) .. ',"minimumNextBid":' .. fmt(nextMinimum) .. ',"endsAt":' .. fmt(endsAt)
  .. ',"extended":' .. (extended == 1 and 'true' or 'false') .. '}')
local result = 'A|' .. fmt(seq) .. '|' .. fmt(newPrice) .. '|' .. newLeader .. '|' .. fmt(newMax) .. '|' .. fmt(endsAt)
  .. '|' .. fmt(extensions) .. '|' .. extended .. '|' .. buyNow .. '|' .. fmt(nextMinimum) .. '|' .. fmt(now)
redis.call('SET', KEYS[5], ARGV[4] .. '|' .. result, 'PX', ARGV[5])
return result
