-- Loads a lot's live state (at its opening, or rebuilt from the bid log) unless it is there already.
-- KEYS[1] state   KEYS[2] stream   ARGV: field, value, field, value ...
-- Returns 'LOADED' or 'PRESENT'. The stream and its relay group are created with the state.
if redis.call('EXISTS', KEYS[1]) == 1 then return 'PRESENT' end
redis.call('HSET', KEYS[1], unpack(ARGV))
local ok = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[2], 'relay', '0', 'MKSTREAM')
return 'LOADED'
