-- A session, found: counts as activity, so its time to live starts again (a signed-in user's is the longer one),
-- and an anonymous one moves to the end of the index of anonymous sessions.
-- KEYS[1]: the session's hash; KEYS[2]: the index. ARGV[1]: a signed-in session's time to live in ms; ARGV[2]: an
-- anonymous one's; ARGV[3]: now, in ms.
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then
  return fields
end
local ttl = ARGV[2]
for i = 1, #fields, 2 do
  if fields[i] == 'u' then
    ttl = ARGV[1]
    break
  end
end
redis.call('PEXPIRE', KEYS[1], ttl)
if ttl == ARGV[2] then
  redis.call('ZADD', KEYS[2], 'XX', ARGV[3], KEYS[1])
end
return fields
