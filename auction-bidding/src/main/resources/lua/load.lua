-- Loads a lot's live state (at its opening, or rebuilt from the bid log) unless it is there already.
-- KEYS[1] state   KEYS[2] stream   KEYS[3] maxima (hash bidder -> best bid)
-- ARGV[1] n, how many of the arguments after it are the state's: field, value, field, value ...; then the bidders'
-- best bids: bidder, amount, bidder, amount ... (each kept unless the hash holds a higher one).
-- Returns 'LOADED' or 'PRESENT'. The stream and its relay group are created with the state.
if redis.call('EXISTS', KEYS[1]) == 1 then return 'PRESENT' end
local n = tonumber(ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2, n + 1))
for i = n + 2, #ARGV - 1, 2 do
  local best = tonumber(redis.call('HGET', KEYS[3], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > best then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
end
local ok = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[2], 'relay', '0', 'MKSTREAM')
return 'LOADED'
