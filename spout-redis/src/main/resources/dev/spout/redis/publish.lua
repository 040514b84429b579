-- Appends one event to one topic's stream and tells the nodes reading it, atomically.
-- KEYS[1] the stream. ARGV: trim kind (MAXLEN or MINID), trim threshold, time to live in ms, event type ('' for
-- none), data, reconnection delay in ms ('' for none), labels (each after a NUL; '' for none), the command that
-- announces it (PUBLISH; SPUBLISH on a Redis Cluster, on the stream's own slot). The message carries the id of the
-- event before it, so a node sees at once if it missed one. With an idempotency key: KEYS[2] the key's record (on
-- the stream's slot), ARGV[9] the window in ms; a key recorded within it publishes nothing and answers the id it
-- recorded, and the check, the append and the record are one atomic step, so racing retries publish once.
if ARGV[9] then
  local earlier = redis.call('GET', KEYS[2])
  if earlier then
    -- Written again as it is: a write, so that a WAIT after this retry (RedisBrokerBuilder.waitForReplicas) confirms
    -- that the replicas have the first publish too, which Redis replicated before it.
    redis.call('SET', KEYS[2], earlier, 'KEEPTTL')
    return earlier
  end
end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local prev = ''
if #last > 0 then
  prev = last[1][1]
end
local fields = {'data', ARGV[5]}
if ARGV[4] ~= '' then
  fields[#fields + 1] = 'event'
  fields[#fields + 1] = ARGV[4]
end
if ARGV[6] ~= '' then
  fields[#fields + 1] = 'retry'
  fields[#fields + 1] = ARGV[6]
end
if ARGV[7] ~= '' then
  fields[#fields + 1] = 'labels'
  fields[#fields + 1] = ARGV[7]
end
local id = redis.call('XADD', KEYS[1], ARGV[1], '~', ARGV[2], '*', unpack(fields))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call(ARGV[8], KEYS[1], prev .. '\n' .. id .. '\n' .. ARGV[4] .. '\n\n' .. ARGV[6] .. '\n' .. ARGV[7] .. '\n' .. ARGV[5])
if ARGV[9] then
  redis.call('SET', KEYS[2], id, 'PX', ARGV[9])
end
return id
