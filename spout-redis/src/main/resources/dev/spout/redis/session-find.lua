-- A session, found: counts as activity, so its time to live starts again (a signed-in user's is the longer one).
-- KEYS[1]: the session's hash. ARGV[1]: a signed-in session's time to live in ms; ARGV[2]: an anonymous one's.
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
return fields
