-- Cancels a lot unless it has closed (a buy-now bid or its end came first).
-- KEYS[1] state   ARGV[1] live channel.   Returns 'CANCELED', 'CLOSED' or 'NO_STATE'.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'NO_STATE' end
if status == 'CLOSED' then return 'CLOSED' end
if status == 'OPEN' then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  if now >= tonumber(redis.call('HGET', KEYS[1], 'endsAt')) then return 'CLOSED' end
end
redis.call('HSET', KEYS[1], 'status', 'CANCELED')
redis.call('PUBLISH', ARGV[1], '{"type":"canceled"}')
return 'CANCELED'
