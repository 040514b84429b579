-- A new session. KEYS[1]: the session's hash. ARGV[1]: its time to live in ms; then field, value pairs.
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
