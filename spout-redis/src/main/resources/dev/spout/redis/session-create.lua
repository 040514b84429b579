-- A new session. KEYS[1]: the session's hash; KEYS[2]: the index of anonymous sessions, by last activity.
-- ARGV[1]: its time to live in ms; ARGV[2]: now, in ms; ARGV[3]: the most anonymous sessions kept, or 0 for a
-- signed-in user's session (not in the index); then field, value pairs.
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local most = tonumber(ARGV[3])
if most > 0 then
  local now = tonumber(ARGV[2])
  -- Those Redis has expired by now leave the index (each once: the work is paid for by their creation).
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - tonumber(ARGV[1])))
  redis.call('ZADD', KEYS[2], now, KEYS[1])
  local over = redis.call('ZCARD', KEYS[2]) - most
  if over > 0 then
    -- Past the cap, the least recently used anonymous sessions go, as in memory.
    local oldest = redis.call('ZPOPMIN', KEYS[2], over)
    for i = 1, #oldest, 2 do
      redis.call('DEL', oldest[i])
    end
  end
end
return 1
