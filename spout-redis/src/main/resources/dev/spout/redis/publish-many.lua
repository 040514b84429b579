-- Appends one event to several topics' streams with one id, greater than every id each stream has had, and tells
-- the nodes reading them, atomically. KEYS the streams. ARGV: trim kind, trim threshold, time to live in ms, event
-- type ('' for none), data, the topics' names joined by NUL, reconnection delay in ms ('' for none), labels
-- (each after a NUL; '' for none), the command that announces it (PUBLISH; SPUBLISH on a Redis Cluster, where all
-- the streams are on one slot). With an idempotency key: KEYS holds each stream's record of the key after the
-- streams, ARGV[10] the window in ms; a key any stream recorded within it publishes nothing and answers that id.
local streams = #KEYS
if ARGV[10] then
  streams = #KEYS / 2
  for i = streams + 1, #KEYS do
    local earlier = redis.call('GET', KEYS[i])
    if earlier then
      -- Written again as it is: a write, so that a WAIT after this retry confirms the first publish too.
      redis.call('SET', KEYS[i], earlier, 'KEEPTTL')
      return earlier
    end
  end
end
local t = redis.call('TIME')
local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local seq = 0
local prevs = {}
for i = 1, streams do
  local key = KEYS[i]
  prevs[i] = ''
  if redis.call('EXISTS', key) == 1 then
    local last = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
    if #last > 0 then
      prevs[i] = last[1][1]
    end
    local info = redis.call('XINFO', 'STREAM', key)
    for j = 1, #info, 2 do
      if info[j] == 'last-generated-id' then
        local generated = info[j + 1]
        local dash = string.find(generated, '-', 1, true)
        local gms = tonumber(string.sub(generated, 1, dash - 1))
        local gseq = tonumber(string.sub(generated, dash + 1))
        if gms > ms or (gms == ms and gseq >= seq) then
          ms = gms
          seq = gseq + 1
        end
      end
    end
  end
end
local id = string.format('%.0f', ms) .. '-' .. string.format('%.0f', seq)
local fields = {'data', ARGV[5], 'topics', ARGV[6]}
if ARGV[4] ~= '' then
  fields[#fields + 1] = 'event'
  fields[#fields + 1] = ARGV[4]
end
if ARGV[7] ~= '' then
  fields[#fields + 1] = 'retry'
  fields[#fields + 1] = ARGV[7]
end
if ARGV[8] ~= '' then
  fields[#fields + 1] = 'labels'
  fields[#fields + 1] = ARGV[8]
end
for i = 1, streams do
  local key = KEYS[i]
  redis.call('XADD', key, ARGV[1], '~', ARGV[2], id, unpack(fields))
  redis.call('PEXPIRE', key, ARGV[3])
  redis.call(ARGV[9], key, prevs[i] .. '\n' .. id .. '\n' .. ARGV[4] .. '\n' .. ARGV[6] .. '\n' .. ARGV[7] .. '\n' .. ARGV[8] .. '\n' .. ARGV[5])
  if ARGV[10] then
    redis.call('SET', KEYS[streams + i], id, 'PX', ARGV[10])
  end
end
return id
