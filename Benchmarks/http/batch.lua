-- wrk script: many order placements per request (POST /v1/commands/batch), one unit of the SKU
-- `hot` each, with unique order ids `<run>-<thread>-<counter>` and members among m0 ... m<members-1>.
-- Arguments after `--`: API-KEY RUN-PREFIX MEMBER-COUNT ORDERS-PER-REQUEST.

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

local address = '{"recipient":"Li Lei","phone":"13800000000","region":"Shanghai",'
    .. '"city":"Shanghai","street":"1 Nanjing Road","postalCode":"200001"}'
local counter = 0
local prefix, members, per_request

function init(args)
    wrk.headers["X-API-Key"] = args[1]
    wrk.headers["Content-Type"] = "application/json"
    prefix = args[2] .. "-" .. thread_number
    members = tonumber(args[3])
    per_request = tonumber(args[4])
end

function request()
    local entries = {}
    for index = 1, per_request do
        counter = counter + 1
        entries[index] = '{"command":"orders.place","body":{"order":"' .. prefix .. "-" .. counter
            .. '","member":"m' .. (counter % members) .. '","lines":[{"sku":"hot","quantity":1}],"shippingAddress":'
            .. address .. "}}"
    end
    return wrk.format("POST", "/v1/commands/batch", nil, '{"commands":[' .. table.concat(entries, ",") .. "]}")
end
