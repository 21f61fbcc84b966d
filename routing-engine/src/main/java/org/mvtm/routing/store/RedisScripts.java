package org.mvtm.routing.store;

/**
 * The Lua scripts that make every Redis store mutation atomic. Each script gets the key prefix as ARGV[1] and
 * returns {@code {applied, failure, advisor, from, to, value}}. Scripts build key names from the prefix, so the store
 * needs a single Redis (or Redis with replicas), not Redis Cluster.
 */
final class RedisScripts {
    private RedisScripts() {
    }

    private static final String PRELUDE = """
            local P = ARGV[1]
            local function akey(id) return P .. ':adv:' .. id end
            local function ikey(id) return P .. ':ix:' .. id end
            local function num(v) return tonumber(v) or 0 end
            local function sync(agent)
              local ak = akey(agent)
              local st = redis.call('HGET', ak, 'state')
              local ok = false
              if (st == 'READY' or st == 'BUSY') and not redis.call('HGET', ak, 'offer') then
                local media = num(redis.call('HGET', ak, 'lVIDEO')) + num(redis.call('HGET', ak, 'lVOICE'))
                local chats = num(redis.call('HGET', ak, 'lCHAT'))
                if chats < num(redis.call('HGET', ak, 'cCHAT')) then ok = true end
                if media < num(redis.call('HGET', ak, 'cMEDIA')) then ok = true end
              end
              if ok then redis.call('SADD', P .. ':offerable', agent) else redis.call('SREM', P .. ':offerable', agent) end
            end
            local function wline(ix)
              local f = redis.call('HMGET', ikey(ix), 'seq', 'queue', 'enqueued', 'arrived', 'pinned', 'declined')
              redis.call('HSET', P .. ':wline', ix, f[1] .. '|' .. f[2] .. '|' .. f[3] .. '|' .. f[4] .. '|' .. (f[5] or '') .. '|' .. (f[6] or ''))
            end
            local function move(agent, to, now, reason)
              local ak = akey(agent)
              local from = redis.call('HGET', ak, 'state')
              local d = now - num(redis.call('HGET', ak, 'since'))
              if d < 0 then d = 0 end
              redis.call('HINCRBY', ak, 't.' .. from, d)
              redis.call('HSET', ak, 'state', to, 'since', now, 'reason', reason or '')
              if to == 'READY' then redis.call('HSET', ak, 'idle', now) end
              if to ~= 'WRAP_UP' then
                redis.call('HDEL', ak, 'wrapUntil')
                redis.call('ZREM', P .. ':wrapups', agent)
              end
              return from
            end
            local function requeue(ix, nxt, reason, now)
              local ik = ikey(ix)
              local agent = redis.call('HGET', ik, 'advisor')
              redis.call('HSET', ik, 'status', 'QUEUED')
              redis.call('HDEL', ik, 'advisor', 'offerNode', 'lease')
              redis.call('ZADD', P .. ':waiting', num(redis.call('HGET', ik, 'seq')), ix)
              redis.call('ZADD', P .. ':wq:' .. redis.call('HGET', ik, 'queue'), num(redis.call('HGET', ik, 'seq')), ix)
              redis.call('ZREM', P .. ':leases', ix)
              local ak = akey(agent)
              local st = redis.call('HGET', ak, 'state')
              if redis.call('HGET', ak, 'offer') == ix then redis.call('HDEL', ak, 'offer') end
              local to = st
              if st == 'RESERVED' then move(agent, nxt, now, reason); to = nxt end
              wline(ix)
              sync(agent)
              return {1, '', agent, st, to, num(redis.call('HGET', ik, 'token'))}
            end
            local function release(ix, now, wrapUntil)
              local ik = ikey(ix)
              local agent = redis.call('HGET', ik, 'advisor')
              local ak = akey(agent)
              redis.call('SREM', ak .. ':active', ix)
              redis.call('HINCRBY', ak, 'l' .. redis.call('HGET', ik, 'channel'), -1)
              local qk = P .. ':q:' .. redis.call('HGET', ik, 'queue')
              redis.call('HINCRBY', qk, 'completed', 1)
              redis.call('HINCRBY', qk, 'handleSum', math.max(0, now - num(redis.call('HGET', ik, 'answered'))))
              local st = redis.call('HGET', ak, 'state')
              local to = st
              if redis.call('SCARD', ak .. ':active') == 0 and st == 'BUSY' then
                move(agent, 'WRAP_UP', now, '')
                redis.call('HSET', ak, 'wrapUntil', wrapUntil)
                redis.call('ZADD', P .. ':wrapups', wrapUntil, agent)
                to = 'WRAP_UP'
              end
              sync(agent)
              return {1, '', agent, st, to, 0}
            end
            local function checkOffer(ix, agent, token, target)
              local ik = ikey(ix)
              local status = redis.call('HGET', ik, 'status')
              if not status then return {0, 'unknown interaction ' .. ix} end
              if status ~= 'OFFERED' then return {0, 'interaction ' .. ix .. ' cannot go from ' .. status .. ' to ' .. target} end
              local holder = redis.call('HGET', ik, 'advisor')
              local current = redis.call('HGET', ik, 'token')
              if holder ~= agent or current ~= token then
                return {0, 'interaction ' .. ix .. ' is offered to ' .. holder .. ' (token ' .. current .. '), not to ' .. agent .. ' (token ' .. token .. ')'}
              end
              return nil
            end
            """;

    static final String ADD_ADVISOR = PRELUDE + """
            local id, profile, now, cMedia, cChat = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
            if redis.call('SADD', P .. ':advisors', id) == 0 then return {0, 'advisor ' .. id .. ' is already registered'} end
            redis.call('HSET', akey(id), 'profile', profile, 'state', 'LOGGED_OUT', 'since', now, 'idle', now,
              'lVIDEO', 0, 'lVOICE', 0, 'lCHAT', 0, 'reason', '', 'cMEDIA', cMedia, 'cCHAT', cChat)
            return {1, '', id, 'LOGGED_OUT', 'LOGGED_OUT', 0}
            """;

    static final String UPDATE_ADVISOR = PRELUDE + """
            local id, profile, cMedia, cChat = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            if redis.call('SISMEMBER', P .. ':advisors', id) == 0 then return {0, 'unknown advisor ' .. id} end
            redis.call('HSET', akey(id), 'profile', profile, 'cMEDIA', cMedia, 'cCHAT', cChat)
            sync(id)
            return {1, '', '', '', '', 0}
            """;

    static final String ATTACH = PRELUDE + """
            local id, node = ARGV[2], ARGV[3]
            if redis.call('SISMEMBER', P .. ':advisors', id) == 0 then return {0, 'unknown advisor ' .. id} end
            redis.call('HSET', akey(id), 'node', node)
            return {1, '', '', '', '', 0}
            """;

    static final String DETACH = PRELUDE + """
            local id, node = ARGV[2], ARGV[3]
            if redis.call('HGET', akey(id), 'node') == node then redis.call('HDEL', akey(id), 'node') end
            return {1, '', '', '', '', 0}
            """;

    static final String CHANGE_STATE = PRELUDE + """
            local id, to, allowed, reason, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
            if redis.call('SISMEMBER', P .. ':advisors', id) == 0 then return {0, 'unknown advisor ' .. id} end
            local cur = redis.call('HGET', akey(id), 'state')
            if not string.find(',' .. allowed .. ',', ',' .. cur .. ',', 1, true) then return {0, 'state', id, cur, to, 0} end
            local from = move(id, to, now, reason)
            sync(id)
            return {1, '', id, from, to, 0}
            """;

    static final String END_WRAP_UP = PRELUDE + """
            local id, now = ARGV[2], tonumber(ARGV[3])
            local ak = akey(id)
            if redis.call('HGET', ak, 'state') ~= 'WRAP_UP' or num(redis.call('HGET', ak, 'wrapUntil')) > now then
              return {0, 'not in a finished wrap-up'}
            end
            move(id, 'READY', now, '')
            sync(id)
            return {1, '', id, 'WRAP_UP', 'READY', 0}
            """;

    static final String ENQUEUE = PRELUDE + """
            local id, payload, channel, queue, now, pinned = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
            local ik = ikey(id)
            if redis.call('EXISTS', ik) == 1 then return {0, 'interaction ' .. id .. ' was already enqueued'} end
            local seq = redis.call('INCR', P .. ':seq')
            redis.call('HSET', ik, 'payload', payload, 'channel', channel, 'status', 'QUEUED', 'queue', queue, 'seq', seq,
              'arrived', now, 'enqueued', now, 'token', 0, 'declined', '')
            if pinned ~= '' then redis.call('HSET', ik, 'pinned', pinned) end
            redis.call('ZADD', P .. ':waiting', seq, id)
            redis.call('ZADD', P .. ':wq:' .. queue, seq, id)
            redis.call('HINCRBY', P .. ':q:' .. queue, 'offered', 1)
            wline(id)
            return {1, '', '', '', '', seq}
            """;

    static final String UNPIN = PRELUDE + """
            local ik = ikey(ARGV[2])
            if redis.call('HGET', ik, 'status') ~= 'QUEUED' or not redis.call('HGET', ik, 'pinned') then
              return {0, 'interaction ' .. ARGV[2] .. ' is not waiting for one advisor'}
            end
            redis.call('HDEL', ik, 'pinned')
            wline(ARGV[2])
            return {1, '', '', '', '', tonumber(redis.call('HGET', ik, 'seq'))}
            """;

    static final String RESERVE = PRELUDE + """
            local ix, agent, cap, node, now, lease = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6]), ARGV[7]
            local ik, ak = ikey(ix), akey(agent)
            if redis.call('HGET', ik, 'status') ~= 'QUEUED' then return {0, 'interaction ' .. ix .. ' is no longer queued'} end
            local st = redis.call('HGET', ak, 'state')
            local offer = redis.call('HGET', ak, 'offer')
            if (st ~= 'READY' and st ~= 'BUSY') or offer then return {0, 'advisor ' .. agent .. ' is no longer available'} end
            local ch = redis.call('HGET', ik, 'channel')
            local media = num(redis.call('HGET', ak, 'lVIDEO')) + num(redis.call('HGET', ak, 'lVOICE'))
            local chats = num(redis.call('HGET', ak, 'lCHAT'))
            local room
            if ch == 'CHAT' then room = chats < cap else room = media < cap end
            if not room then return {0, 'advisor ' .. agent .. ' has no room for ' .. ch} end
            local token = redis.call('INCR', P .. ':fence')
            redis.call('HSET', ik, 'status', 'OFFERED', 'advisor', agent, 'token', token, 'offerNode', node, 'lease', lease)
            redis.call('ZREM', P .. ':waiting', ix)
            redis.call('ZREM', P .. ':wq:' .. redis.call('HGET', ik, 'queue'), ix)
            redis.call('ZADD', P .. ':leases', lease, ix)
            redis.call('HSET', ak, 'offer', ix)
            local to = st
            if st == 'READY' then move(agent, 'RESERVED', now, ''); to = 'RESERVED' end
            redis.call('HDEL', P .. ':wline', ix)
            sync(agent)
            return {1, '', agent, st, to, token}
            """;

    static final String ACCEPT = PRELUDE + """
            local ix, agent, token, sla, now = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
            local bad = checkOffer(ix, agent, token, 'CONNECTED')
            if bad then return bad end
            local ik, ak = ikey(ix), akey(agent)
            local ch = redis.call('HGET', ik, 'channel')
            redis.call('HSET', ik, 'status', 'CONNECTED', 'answered', now)
            redis.call('HDEL', ik, 'lease', 'pinned')
            redis.call('ZREM', P .. ':leases', ix)
            redis.call('HDEL', ak, 'offer')
            redis.call('SADD', ak .. ':active', ix)
            redis.call('HINCRBY', ak, 'l' .. ch, 1)
            local st = redis.call('HGET', ak, 'state')
            if st ~= 'BUSY' then move(agent, 'BUSY', now, '') end
            local wait = math.max(0, now - num(redis.call('HGET', ik, 'enqueued')))
            local qk = P .. ':q:' .. redis.call('HGET', ik, 'queue')
            redis.call('HINCRBY', qk, 'answered', 1)
            redis.call('HINCRBY', qk, 'waitSum', wait)
            if wait <= sla then redis.call('HINCRBY', qk, 'within', 1) end
            sync(agent)
            return {1, '', agent, st, 'BUSY', wait}
            """;

    static final String DECLINE = PRELUDE + """
            local ix, agent, token, nxt, reason, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])
            local bad = checkOffer(ix, agent, token, 'QUEUED')
            if bad then return bad end
            local ik = ikey(ix)
            redis.call('HSET', ik, 'declined', redis.call('HGET', ik, 'declined') .. agent .. '=' .. now .. ';')
            return requeue(ix, nxt, reason, now)
            """;

    static final String EXPIRE_LEASE = PRELUDE + """
            local ix, now = ARGV[2], tonumber(ARGV[3])
            local ik = ikey(ix)
            if redis.call('HGET', ik, 'status') ~= 'OFFERED' or num(redis.call('HGET', ik, 'lease')) > now then
              redis.call('ZREM', P .. ':leases', ix)
              return {0, 'lease of ' .. ix .. ' has not expired'}
            end
            return requeue(ix, 'NOT_READY', 'offer lease expired', now)
            """;

    static final String RENEW = PRELUDE + """
            local untilMs = ARGV[2]
            for i = 3, #ARGV, 2 do
              local ix, token = ARGV[i], ARGV[i + 1]
              local ik = ikey(ix)
              if redis.call('HGET', ik, 'status') == 'OFFERED' and redis.call('HGET', ik, 'token') == token then
                redis.call('HSET', ik, 'lease', untilMs)
                redis.call('ZADD', P .. ':leases', untilMs, ix)
              end
            end
            return {1, '', '', '', '', 0}
            """;

    static final String COMPLETE = PRELUDE + """
            local ix, now, wrapUntil, keep = ARGV[2], tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5])
            local ik = ikey(ix)
            local status = redis.call('HGET', ik, 'status')
            if not status then return {0, 'unknown interaction ' .. ix} end
            if status ~= 'CONNECTED' then return {0, 'interaction ' .. ix .. ' cannot go from ' .. status .. ' to ENDED'} end
            redis.call('HSET', ik, 'status', 'ENDED', 'ended', now)
            local out = release(ix, now, wrapUntil)
            redis.call('EXPIRE', ik, keep)
            redis.call('EXPIRE', P .. ':expl:' .. ix, keep)
            return out
            """;

    static final String ABANDON = PRELUDE + """
            local ix, now, keep = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
            local ik = ikey(ix)
            local status = redis.call('HGET', ik, 'status')
            if not status then return {0, 'unknown interaction ' .. ix} end
            if status ~= 'QUEUED' and status ~= 'OFFERED' then return {0, 'interaction ' .. ix .. ' cannot go from ' .. status .. ' to ABANDONED'} end
            local waited = math.max(0, now - num(redis.call('HGET', ik, 'enqueued')))
            redis.call('HINCRBY', P .. ':q:' .. redis.call('HGET', ik, 'queue'), 'abandoned', 1)
            local agent, st, to = '', '', ''
            if status == 'OFFERED' then
              agent = redis.call('HGET', ik, 'advisor')
              local ak = akey(agent)
              st = redis.call('HGET', ak, 'state')
              to = st
              if redis.call('HGET', ak, 'offer') == ix then redis.call('HDEL', ak, 'offer') end
              if st == 'RESERVED' then move(agent, 'READY', now, ''); to = 'READY' end
              redis.call('ZREM', P .. ':leases', ix)
              sync(agent)
            else
              redis.call('ZREM', P .. ':waiting', ix)
              redis.call('ZREM', P .. ':wq:' .. redis.call('HGET', ik, 'queue'), ix)
            end
            redis.call('HSET', ik, 'status', 'ABANDONED')
            redis.call('HDEL', ik, 'lease')
            redis.call('HDEL', P .. ':wline', ix)
            redis.call('EXPIRE', ik, keep)
            redis.call('EXPIRE', P .. ':expl:' .. ix, keep)
            return {1, '', agent, st, to, waited}
            """;

    static final String TRANSFER = PRELUDE + """
            local ix, queue, pinned, now, wrapUntil = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
            local ik = ikey(ix)
            local status = redis.call('HGET', ik, 'status')
            if not status then return {0, 'unknown interaction ' .. ix} end
            if status ~= 'CONNECTED' then return {0, 'interaction ' .. ix .. ' cannot go from ' .. status .. ' to QUEUED'} end
            local out = release(ix, tonumber(now), wrapUntil)
            local seq = redis.call('INCR', P .. ':seq')
            redis.call('HSET', ik, 'status', 'QUEUED', 'queue', queue, 'enqueued', now, 'declined', '', 'seq', seq)
            redis.call('HDEL', ik, 'advisor', 'answered')
            if pinned ~= '' then redis.call('HSET', ik, 'pinned', pinned) else redis.call('HDEL', ik, 'pinned') end
            redis.call('ZADD', P .. ':waiting', seq, ix)
            redis.call('ZADD', P .. ':wq:' .. queue, seq, ix)
            redis.call('HINCRBY', P .. ':q:' .. queue, 'offered', 1)
            wline(ix)
            return out
            """;

    static final String MOVE = PRELUDE + """
            local ix, queue, now = ARGV[2], ARGV[3], ARGV[4]
            local ik = ikey(ix)
            local status = redis.call('HGET', ik, 'status')
            if not status then return {0, 'unknown interaction ' .. ix} end
            if status ~= 'QUEUED' then return {0, 'interaction ' .. ix .. ' cannot go from ' .. status .. ' to QUEUED in another queue'} end
            local seq = redis.call('HGET', ik, 'seq')
            redis.call('ZREM', P .. ':wq:' .. redis.call('HGET', ik, 'queue'), ix)
            redis.call('HSET', ik, 'queue', queue, 'enqueued', now)
            redis.call('HDEL', ik, 'pinned')
            redis.call('ZADD', P .. ':wq:' .. queue, seq, ix)
            redis.call('HINCRBY', P .. ':q:' .. queue, 'offered', 1)
            wline(ix)
            return {1, '', '', '', '', tonumber(seq)}
            """;
}
