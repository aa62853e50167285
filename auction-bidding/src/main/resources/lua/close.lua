-- Closes a lot at its end, atomically and never early (Redis' own clock). Safe to call from every instance at once:
-- the first call after the end closes it, every later call answers the same outcome.
-- KEYS[1] state   KEYS[2] limits (hash bidder -> approved limit)   ARGV[1] live channel
-- Returns 'CLOSED|outcome|winner|hammer|bidCount|closedAt|runnerUp|runnerUpMax|highestBidder|highestBid',
-- 'NOT_YET|endsAt', 'NO_STATE' or 'CANCELED'. The runner-up (kept by the bid script) is named only when SOLD: their
-- best maximum, capped at their approved limit; both empty otherwise. The highest bidder (the leader) and the standing
-- price (never their hidden maximum) are named only when RESERVE_NOT_MET; both empty otherwise.
local function fmt(n) return string.format('%.0f', n) end
local function highest(outcome, leader, price)
  if outcome == 'RESERVE_NOT_MET' and leader and leader ~= '' and price then return '|' .. leader .. '|' .. price end
  return '||'
end
local s = redis.call('HMGET', KEYS[1], 'status', 'endsAt', 'price', 'leader', 'leaderMax', 'seq', 'reserve',
  'outcome', 'winner', 'hammer', 'closedAt', 'second', 'secondMax', 'runnerUp', 'runnerUpMax')
if not s[1] then return 'NO_STATE' end
if s[1] == 'CANCELED' or s[1] == 'SCHEDULED' then return s[1] end
if s[8] then
  return 'CLOSED|' .. s[8] .. '|' .. s[9] .. '|' .. s[10] .. '|' .. s[6] .. '|' .. s[11] .. '|' .. (s[14] or '')
    .. '|' .. (s[15] or '') .. highest(s[8], s[4], s[3])
end
local endsAt = tonumber(s[2])
if s[1] == 'OPEN' then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  if now < endsAt then return 'NOT_YET|' .. s[2] end
end
-- OPEN past its end, or CLOSED by a buy-now bid (whose end is that bid's time).
local seq, price, leaderMax, reserve = tonumber(s[6]), tonumber(s[3]), tonumber(s[5]), tonumber(s[7])
local outcome, winner, hammer = 'UNSOLD', '', 0
if seq > 0 then
  if reserve and leaderMax < reserve then
    outcome = 'RESERVE_NOT_MET'
  else
    -- A maximum that reaches the reserve buys at the reserve at least.
    outcome, winner, hammer = 'SOLD', s[4], (reserve and price < reserve) and reserve or price
  end
end
local runnerUp, runnerUpMax = '', ''
if outcome == 'SOLD' and s[12] and s[12] ~= '' and s[12] ~= winner then
  local limit = redis.call('HGET', KEYS[2], s[12])
  local offer = limit and math.min(tonumber(s[13]), tonumber(limit))
  -- A second-chance offer never goes below the seller's reserve.
  if offer and not (reserve and offer < reserve) then runnerUp, runnerUpMax = s[12], fmt(offer) end
end
redis.call('HSET', KEYS[1], 'status', 'CLOSED', 'outcome', outcome, 'winner', winner, 'hammer', fmt(hammer),
  'closedAt', s[2], 'runnerUp', runnerUp, 'runnerUpMax', runnerUpMax)
redis.call('PUBLISH', ARGV[1], '{"type":"closed","outcome":"' .. outcome .. '","bidCount":' .. s[6] .. '}')
return 'CLOSED|' .. outcome .. '|' .. winner .. '|' .. fmt(hammer) .. '|' .. s[6] .. '|' .. s[2] .. '|' .. runnerUp
  .. '|' .. runnerUpMax .. highest(outcome, s[4], s[3])
