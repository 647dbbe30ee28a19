-- wrk script: one order placement per request (POST /v1/orders), one unit of the SKU `hot`,
-- each with a unique order id `<run>-<thread>-<counter>` and a member among m0 ... m<members-1>.
-- Arguments after `--`: API-KEY RUN-PREFIX MEMBER-COUNT.

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

local address = '{"recipient":"Li Lei","phone":"13800000000","region":"Shanghai",'
    .. '"city":"Shanghai","street":"1 Nanjing Road","postalCode":"200001"}'
local counter = 0
local prefix, members

function init(args)
    wrk.headers["X-API-Key"] = args[1]
    wrk.headers["Content-Type"] = "application/json"
    prefix = args[2] .. "-" .. thread_number
    members = tonumber(args[3])
end

function request()
    counter = counter + 1
    local body = '{"order":"' .. prefix .. "-" .. counter .. '","member":"m' .. (counter % members)
        .. '","lines":[{"sku":"hot","quantity":1}],"shippingAddress":' .. address .. "}"
    return wrk.format("POST", "/v1/orders", nil, body)
end
