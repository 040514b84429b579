-- Appends one event to one topic's stream and tells the nodes reading it, atomically.
-- KEYS[1] the stream. ARGV: trim kind (MAXLEN or MINID), trim threshold, time to live in ms, event type ('' for
-- none), data. The message carries the id of the event before it, so a node sees at once if it missed one.
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local prev = ''
if #last > 0 then
  prev = last[1][1]
end
local id
if ARGV[4] == '' then
  id = redis.call('XADD', KEYS[1], ARGV[1], '~', ARGV[2], '*', 'data', ARGV[5])
else
  id = redis.call('XADD', KEYS[1], ARGV[1], '~', ARGV[2], '*', 'data', ARGV[5], 'event', ARGV[4])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', KEYS[1], prev .. '\n' .. id .. '\n' .. ARGV[4] .. '\n\n' .. ARGV[5])
return id
