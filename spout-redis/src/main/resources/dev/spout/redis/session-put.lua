-- An attribute of a live session. A plain HSET would bring back a session that expired meanwhile, as a hash
-- with neither user nor time to live. KEYS[1]: the session's hash. ARGV[1]: the field; ARGV[2]: its value.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
