"""A fake Discord on 127.0.0.1: enough Gateway v10 and REST for the real discord.py client.

The test points discord.py at it by setting ``discord.http.Route.BASE`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``; the bot's code is not changed. Every REST request is
recorded (method, path, JSON body, when, the status answered) so a test can assert on exactly what the bot sent.

Servers hold text channels, threads and members (a display name per server); their messages are readable through
``GET /channels/{id}/messages`` (``before``/``after``/``around``/``limit``, newest first as Discord answers), paced
by Discord's rate-limit headers and 429s (fake_ratelimits.py; the objects' shapes are in fake_payloads.py).
The helpers under "the community" post, edit and delete messages, bulk-delete, create and delete threads and
channels, each dispatching the gateway event Discord sends (MESSAGE_CREATE/UPDATE/DELETE/DELETE_BULK,
THREAD_CREATE/DELETE, CHANNEL_CREATE/DELETE) with Discord's payload shape. Message ids are snowflakes of the
posting time, so ``Message.created_at`` is true and history order is id order, as on Discord. Message content
follows the message-content intent: without it (asked for in IDENTIFY for the gateway, enabled in the "portal"
for REST) a guild message's content, embeds, attachments and components arrive empty unless it mentions the bot
or is the bot's own; a privileged intent asked for but not enabled in the portal closes the gateway with 4014,
as Discord does.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field

import yarl
from aiohttp import WSMsgType, web

# The tests import these from here too, beside the fake's own ids.
from .fake_payloads import (
    DEFAULT,
    EPHEMERAL,
    GUILD_MEMBERS,
    MESSAGE_CONTENT,
    PRIVILEGED_INTENTS,
    REPLY,
    THREAD_CREATED,
    TIMESTAMP,
    UNKNOWN_CHANNEL,
    UNKNOWN_MEMBER,
    UNKNOWN_MESSAGE,
    ChannelRef,
    Failure,
    FakeGuild,
    channel_payload,
    iso,
    member_payload,
    snowflake,
    snowflake_time,
    thread_payload,
    user,
)
from .fake_ratelimits import HISTORY_ROUTE, Limit, RateLimiter, Throttle

BOT_ID = 900000000000000001
APP_ID = BOT_ID
GUILD_ID = 900000000000000100
CHANNEL_ID = 900000000000000200
DM_CHANNEL_ID = 900000000000000300
ADMIN_ROLE_ID = 900000000000000400
OWNER_ID = 900000000000000500
ALL_PERMISSIONS = str((1 << 50) - 1)
MEMBER_PERMISSIONS = str(0x400 | 0x800 | 0x4000 | 0x10000 | 0x40 | 0x80000000)  # view, send, embed, history…
ADMIN_PERMISSIONS = str(int(MEMBER_PERMISSIONS) | 0x20)  # + Manage Server

BOT_USER = user(BOT_ID, "Quoth", bot=True)


@dataclass
class Request:
    method: str
    path: str
    body: dict | list | None
    query: dict
    at: float = field(default_factory=time.monotonic)  # when the fake received it
    status: int = 200  # what the fake answered (429 when it refused it for a rate limit)


@dataclass
class FakeDiscord:
    host: str = "127.0.0.1"
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    heartbeat_ms: int = 41250  # what Discord asks for; a load test asks for beats every second
    heartbeats: list[float] = field(default_factory=list)  # when each heartbeat arrived
    identifies: int = 0
    resumes: int = 0
    missed: list[tuple[str, dict]] = field(default_factory=list)  # events dispatched while no gateway was up
    # Sharding as Discord does it: each IDENTIFY names [shard id, count] and gets READY with the guilds of that
    # shard, (guild id >> 22) % count; a guild's events go to its shard's connection, DMs to shard 0.
    guild_ids: list[int] = field(default_factory=lambda: [GUILD_ID])
    shard_count: int = 1
    shards_identified: list[int] = field(default_factory=list)
    # The intents enabled for the app in the developer portal: REST content follows these, and IDENTIFY asking
    # for a privileged intent not among them is refused (close 4014).
    portal_intents: int = PRIVILEGED_INTENTS
    intents: int = 0  # what the last IDENTIFY asked for
    # Rate limits per route template; Discord does not publish the history route's numbers, so the default is
    # one a test can see pacing with (5 pages a second) without slowing anything else. Tests set their own.
    limiter: RateLimiter = field(default_factory=lambda: RateLimiter({HISTORY_ROUTE: Limit(5, 1.0)}))
    _last_id: int = 0
    _seq: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.sockets: list[web.WebSocketResponse] = []
        self.identified = asyncio.Event()
        self.changed = asyncio.Condition()
        self.originals: dict[str, dict] = {}  # interaction token -> original response message
        self.messages: dict[int, dict] = {}  # every message, by id, as REST returns it
        self.commands: list[dict] = []
        self.shard_by_socket: dict[int, int] = {}
        self.guilds: dict[int, FakeGuild] = {}
        self._interaction_channels: dict[str, int] = {}  # interaction token -> the channel it was used in
        for g in self.guild_ids:
            self._ensure_guild(g)
        app = web.Application()
        app.router.add_get("/gateway", self.gateway)
        app.router.add_get("/api/v10/gateway/bot", self.gateway_bot)
        app.router.add_route("*", "/api/v10/{tail:.*}", self.rest)
        self._runner = web.AppRunner(app)

    # --- lifecycle -------------------------------------------------------------------------------------
    async def start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://{self.host}:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    def next_id(self, at: float | None = None) -> int:
        """A fresh snowflake: of now (and above every id given so far), or of the past moment ``at``."""
        if at is None:
            self._last_id = max(self._last_id + 1, snowflake(time.time()))
            return self._last_id
        sf = snowflake(at)
        while sf in self.messages:
            sf += 1
        return sf

    # --- gateway -------------------------------------------------------------------------------------
    async def gateway_bot(self, request: web.Request) -> web.Response:
        return _json({"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": {
            "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 16}})

    def shard_of(self, guild_id: int) -> int:
        return (guild_id >> 22) % self.shard_count

    async def gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        self.shard_by_socket[id(ws)] = 0
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_ms}, "s": None, "t": None})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            if data["op"] == 1:
                self.heartbeats.append(time.monotonic())
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif data["op"] == 6:  # RESUME: replay what the client missed, as Discord does, then RESUMED
                self.resumes += 1
                missed, self.missed = self.missed, []
                for event, payload in missed:
                    await self._send(ws, event, payload)
                await self._send(ws, "RESUMED", {})
            elif data["op"] == 2:
                intents = int(data["d"].get("intents") or 0)
                if intents & PRIVILEGED_INTENTS & ~self.portal_intents:
                    await ws.close(code=4014, message=b"Disallowed intent(s).")
                    break
                self.intents = intents
                await self._identify(ws, data["d"].get("shard") or [0, 1])
        self.sockets.remove(ws)
        return ws

    async def _identify(self, ws: web.WebSocketResponse, shard: list[int]) -> None:
        self.identifies += 1
        self.shard_by_socket[id(ws)] = shard[0]
        self.shards_identified.append(shard[0])
        guilds = [g for g in self.guild_ids if self.shard_of(g) == shard[0]]
        await self._send(ws, "READY", {
            "v": 10, "user": BOT_USER, "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
            "session_id": f"fake-session-{shard[0]}", "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
            "shard": shard,
        })
        for g in guilds:
            await self._send(ws, "GUILD_CREATE", self.guild_payload(g))
        self.identified.set()

    async def _send(self, ws: web.WebSocketResponse, event: str, data: dict) -> None:
        await ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def dispatch(self, event: str, data: dict) -> None:
        shard = self.shard_of(int(data["guild_id"])) if data.get("guild_id") else 0
        sockets = [ws for ws in self.sockets if self.shard_by_socket.get(id(ws), 0) == shard]
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
            data = self._as_seen(data, self.intents)
        if not sockets:
            self.missed.append((event, data))
        for ws in sockets:
            await self._send(ws, event, data)

    async def drop(self, code: int = 4000) -> None:
        """Close every gateway connection as a network failure would (4000: resumable)."""
        for ws in list(self.sockets):
            await ws.close(code=code)

    def _as_seen(self, message: dict, intents: int) -> dict:
        """``message`` as an app with ``intents`` receives it: without MESSAGE_CONTENT, a guild message that is
        not the app's own and does not mention it has its content, embeds, attachments and components empty."""
        if intents & MESSAGE_CONTENT or not self._guild_id_of(message) or message["author"]["id"] == str(BOT_ID) \
                or any(m.get("id") == str(BOT_ID) for m in message.get("mentions", [])):
            return message
        return dict(message, content="", embeds=[], attachments=[], components=[])

    # --- servers -------------------------------------------------------------------------------------
    @staticmethod
    def channel_of(guild_id: int) -> int:
        return CHANNEL_ID if guild_id == GUILD_ID else guild_id + 1

    def _ensure_guild(self, guild_id: int, name: str = "Test Guild") -> FakeGuild:
        guild = self.guilds.get(guild_id)
        if guild is None:
            guild = self.guilds[guild_id] = FakeGuild(guild_id, name)
            guild.members[BOT_ID] = member_payload(BOT_USER)
            cid = self.channel_of(guild_id)
            guild.channels[cid] = channel_payload(guild_id, cid, "general")
        if guild_id not in self.guild_ids:
            self.guild_ids.append(guild_id)
        return guild

    def add_guild(self, guild_id: int, name: str = "Test Guild") -> FakeGuild:
        """A server the bot is in (before the bot connects: READY/GUILD_CREATE carry it), with a #general."""
        guild = self._ensure_guild(guild_id, name)
        guild.name = name
        return guild

    def add_channel(self, guild_id: int, name: str, channel_id: int | None = None) -> dict:
        """A text channel, set up before the bot connects (GUILD_CREATE carries it); see ``create_channel``."""
        guild = self._ensure_guild(guild_id)
        cid = channel_id or self.next_id()
        guild.channels[cid] = channel_payload(guild_id, cid, name, position=len(guild.channels))
        return guild.channels[cid]

    async def create_channel(self, guild_id: int, name: str) -> dict:
        """A text channel made while the bot is connected: CHANNEL_CREATE."""
        channel = self.add_channel(guild_id, name)
        await self.dispatch("CHANNEL_CREATE", channel)
        return channel

    def add_member(self, guild_id: int, author: dict, nick: str | None = None, roles: tuple[int, ...] = ()) -> dict:
        """``author`` joins the server, shown there as ``nick`` (else their global name)."""
        guild = self._ensure_guild(guild_id)
        guild.members[int(author["id"])] = member_payload(author, nick, roles)
        return guild.members[int(author["id"])]

    async def rename(self, guild_id: int, user_id: int, nick: str | None) -> dict:
        """A member changes their server nickname: GUILD_MEMBER_UPDATE (sent only with the members intent)."""
        member = self.guilds[guild_id].members[user_id]
        member["nick"] = nick
        if self.intents & GUILD_MEMBERS:
            await self.dispatch("GUILD_MEMBER_UPDATE", dict(member, guild_id=str(guild_id)))
        return member

    def guild_of(self, channel_id: int) -> FakeGuild | None:
        """The server a channel or thread is in (None: a DM or an unknown channel)."""
        return next((g for g in self.guilds.values() if channel_id in g.channels or channel_id in g.threads), None)

    def channel(self, channel_id: int) -> dict | None:
        guild = self.guild_of(channel_id)
        return guild and (guild.channels.get(channel_id) or guild.threads.get(channel_id))

    def _guild_id_of(self, message: dict) -> int | None:
        guild = self.guild_of(int(message["channel_id"]))
        return guild.id if guild else None

    def guild_payload(self, guild_id: int = GUILD_ID) -> dict:
        guild = self._ensure_guild(guild_id)
        return {
            "id": str(guild_id), "name": guild.name, "icon": None, "owner_id": str(OWNER_ID), "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
            "roles": [
                {"id": str(guild_id), "name": "@everyone", "permissions": MEMBER_PERMISSIONS, "position": 0,
                 "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
                {"id": str(ADMIN_ROLE_ID), "name": "Quoth admins", "permissions": MEMBER_PERMISSIONS, "position": 1,
                 "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0},
            ],
            "emojis": [], "stickers": [], "features": [], "mfa_level": 0, "system_channel_id": None,
            "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None, "description": None,
            "banner": None, "premium_tier": 0, "preferred_locale": "en-US", "public_updates_channel_id": None,
            "nsfw_level": 0, "premium_progress_bar_enabled": False, "joined_at": TIMESTAMP, "large": False,
            "member_count": len(guild.members), "unavailable": False, "voice_states": [], "presences": [],
            "stage_instances": [], "guild_scheduled_events": [],
            "threads": [t for t in guild.threads.values() if not t["thread_metadata"]["archived"]],
            "members": list(guild.members.values()),
            "channels": list(guild.channels.values()),
        }

    # --- REST ----------------------------------------------------------------------------------------
    async def rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body = None
        if request.can_read_body:
            raw = await request.read()
            if raw:
                assert request.content_type == "application/json", request.content_type
                body = json.loads(raw)
        req = Request(request.method, path, body, dict(request.query))
        verdict = self.limiter.check(request.method, path)
        if verdict.refused is not None:
            req.status, response = 429, _json(verdict.refused, 429, verdict.headers)
        else:
            result = self.route(req)
            if result is None:
                result = Failure(404, 0, "404: Not Found")
            if isinstance(result, Failure):
                req.status = result.status
                response = _json({"message": result.message, "code": result.code}, result.status, verdict.headers)
            elif result == 204:
                req.status, response = 204, web.Response(status=204, headers=verdict.headers)
            else:
                response = _json(result, 200, verdict.headers)
        async with self.changed:
            self.requests.append(req)
            self.changed.notify_all()
        return response

    def message_from(self, body: dict, channel_id: int, author: dict = BOT_USER, **extra) -> dict:
        mid = self.next_id()
        msg = {
            "id": str(mid), "channel_id": str(channel_id), "author": author, "content": body.get("content") or "",
            "timestamp": iso(snowflake_time(mid)), "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "pinned": False, "type": DEFAULT, "flags": body.get("flags") or 0,
            "components": body.get("components") or [],
        }
        msg.update(extra)
        self.messages[mid] = msg
        return msg

    def route(self, req: Request):
        p, m, b = req.path, req.method, req.body or {}
        parts = p.strip("/").split("/")
        if p == "/users/@me":
            return BOT_USER
        if p == "/oauth2/applications/@me":
            return {"id": str(APP_ID), "name": "Quoth", "icon": None, "description": "", "summary": "",
                    "bot_public": True, "bot_require_code_grant": False, "owner": user(OWNER_ID, "owner"),
                    "verify_key": "00", "team": None, "flags": 0, "rpc_origins": [], "tags": [],
                    "interactions_endpoint_url": None, "bot": BOT_USER}
        if m == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            self.commands = [{"description": "", **c, "id": str(self.next_id()), "application_id": str(APP_ID),
                              "version": "1"} for c in (req.body or [])]
            return self.commands
        if m == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            return self._callback(parts[1], parts[2], b)
        if parts[0] == "webhooks" and len(parts) >= 3:
            return self._webhook(m, parts, b)
        if parts[0] == "channels":
            return self._channel_route(m, parts, b, req.query)
        if parts[0] == "guilds" and len(parts) >= 3:
            return self._guild_route(m, parts)
        return None

    def _webhook(self, m: str, parts: list[str], b: dict):
        token = parts[2]
        channel_id = self._interaction_channels.get(token, CHANNEL_ID)
        if m == "PATCH" and parts[-1] == "@original":
            original = self.originals.get(token) or self.message_from({}, channel_id)
            for key in ("content", "embeds", "components"):
                if key in b:
                    original[key] = b[key] if b[key] is not None else ([] if key != "content" else "")
            self.originals[token] = original
            return original
        if m == "GET" and parts[-1] == "@original":
            return self.originals.get(token)
        if m == "DELETE" and parts[-1] == "@original":
            self.originals.pop(token, None)
            return 204
        if m == "POST" and len(parts) == 3:
            return self.message_from(b, channel_id, webhook_id=str(APP_ID))
        return None

    def _channel_route(self, m: str, parts: list[str], b: dict, query: dict):
        channel_id = int(parts[1])
        known = self.channel(channel_id) is not None or channel_id == DM_CHANNEL_ID
        if m == "POST" and parts[-1] == "typing":
            return 204
        if m == "POST" and len(parts) == 3 and parts[2] == "messages":
            return self.message_from(b, channel_id)
        if m == "POST" and len(parts) == 5 and parts[4] == "threads":
            return self._thread(channel_id, int(parts[3]), b)
        if not known:
            return UNKNOWN_CHANNEL
        if m == "GET" and len(parts) == 2:
            return self.channel(channel_id)
        if m == "GET" and len(parts) == 3 and parts[2] == "messages":
            return self._history(channel_id, query)
        if m == "GET" and len(parts) == 4 and parts[2] == "messages":
            msg = self.messages.get(int(parts[3]))
            ok = msg is not None and msg["channel_id"] == str(channel_id) and not msg["flags"] & EPHEMERAL
            return self._as_seen(msg, self.portal_intents) if ok else UNKNOWN_MESSAGE
        if m == "GET" and parts[2:] == ["threads", "archived", "public"]:
            guild = self.guild_of(channel_id)
            archived = [t for t in guild.threads.values() if t["parent_id"] == str(channel_id)
                        and t["thread_metadata"]["archived"]]
            return {"threads": archived, "members": [], "has_more": False}
        return None

    def _guild_route(self, m: str, parts: list[str]):
        guild = self.guilds.get(int(parts[1]))
        if guild is None:
            return Failure(404, 10004, "Unknown Guild")
        if m == "GET" and parts[2:] == ["threads", "active"]:
            return {"threads": [t for t in guild.threads.values() if not t["thread_metadata"]["archived"]],
                    "members": []}
        if m == "GET" and len(parts) == 4 and parts[2] == "members":
            member = guild.member(int(parts[3]))
            return member if member is not None else UNKNOWN_MEMBER
        if m == "GET" and len(parts) == 3 and parts[2] == "channels":
            return list(guild.channels.values())
        return None

    def _history(self, channel_id: int, query: dict):
        """GET /channels/{id}/messages as Discord answers it: at most ``limit`` (1-100, default 50) messages,
        newest first, before / after / around one id (only one of them), ephemeral replies never included."""
        try:
            limit = int(query.get("limit", 50))
        except ValueError:
            limit = 0
        anchors = [k for k in ("before", "after", "around") if k in query]
        if not 1 <= limit <= 100 or len(anchors) > 1:
            return Failure(400, 50035, "Invalid Form Body")
        ids = sorted(i for i, msg in self.messages.items()
                     if msg["channel_id"] == str(channel_id) and not msg["flags"] & EPHEMERAL)
        anchor = int(query[anchors[0]]) if anchors else None
        if anchor is None:
            page = ids[-limit:]
        elif anchors[0] == "before":
            page = [i for i in ids if i < anchor][-limit:]
        elif anchors[0] == "after":
            page = [i for i in ids if i > anchor][:limit]
        else:
            older = [i for i in ids if i < anchor][-(limit // 2):] if limit > 1 else []
            page = older + [i for i in ids if i >= anchor][:limit - len(older)]
        return [self._as_seen(self.messages[i], self.portal_intents) for i in reversed(page)]

    def _callback(self, interaction_id: str, token: str, body: dict) -> dict:
        kind = body["type"]
        data = body.get("data") or {}
        ephemeral = bool((data.get("flags") or 0) & EPHEMERAL)
        resource: dict = {"type": kind}
        if kind in (4, 5):
            msg = self.message_from(data, self._interaction_channels.get(token, CHANNEL_ID))
            self.originals[token] = msg
            resource["message"] = msg
        return {"interaction": {"id": interaction_id, "type": 2, "activity_instance_id": None,
                                "response_message_id": resource.get("message", {}).get("id"),
                                "response_message_loading": kind == 5, "response_message_ephemeral": ephemeral},
                "resource": resource}

    def _thread(self, parent_id: int, message_id: int, body: dict) -> dict:
        """The bot starts a thread from a message (answers in threads): registered, THREAD_CREATE dispatched."""
        guild = self.guild_of(parent_id) or self._ensure_guild(GUILD_ID)
        tid = message_id  # a thread started from a message takes the message's id, as on Discord
        thread = guild.threads[tid] = thread_payload(guild.id, tid, parent_id, body.get("name", "thread"), BOT_ID)
        asyncio.get_running_loop().create_task(self.dispatch("THREAD_CREATE", dict(thread, newly_created=True)))
        return thread

    # --- the community: people writing, editing, deleting ------------------------------------------------
    def message(self, channel_id: int, content: str, author: dict, *, reply_to: int | None = None,
                at: float | None = None, mentions: list[dict] = (), kind: int = DEFAULT) -> dict:
        """A message stored as REST returns it (no gateway event): ``at`` dates it in the past (its id too)."""
        mid = self.next_id(at)
        msg = {
            "id": str(mid), "channel_id": str(channel_id), "author": author, "content": content,
            "timestamp": iso(snowflake_time(mid)), "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": list(mentions), "mention_roles": [], "attachments": [], "embeds": [], "pinned": False,
            "type": REPLY if reply_to else kind, "flags": 0, "components": [],
        }
        if reply_to:
            parent = self.messages.get(reply_to)
            msg["message_reference"] = {"type": 0, "message_id": str(reply_to), "channel_id": str(channel_id),
                                        "fail_if_not_exists": False}
            guild_id = self._guild_id_of(msg)
            if guild_id:
                msg["message_reference"]["guild_id"] = str(guild_id)
            # One level deep, as Discord sends it: the replied-to message without its own reference.
            msg["referenced_message"] = parent and {k: v for k, v in parent.items() if k != "referenced_message"}
        self.messages[mid] = msg
        return msg

    def _event(self, msg: dict) -> dict:
        """A stored message as MESSAGE_CREATE/UPDATE carry it: plus ``guild_id`` and the author's ``member``
        (and each mentioned member's) in a server."""
        guild = self.guild_of(int(msg["channel_id"]))
        if guild is None:
            return dict(msg)
        member = guild.member(int(msg["author"]["id"])) or member_payload(msg["author"])
        mentions = [dict(u, member={k: v for k, v in guild.members[int(u["id"])].items() if k != "user"})
                    if int(u["id"]) in guild.members else u for u in msg["mentions"]]
        return dict(msg, guild_id=str(guild.id), mentions=mentions,
                    member={k: v for k, v in member.items() if k != "user"})

    async def post(self, channel_id: int, content: str, author: dict, *, reply_to: int | None = None,
                   at: float | None = None, mentions: list[dict] = ()) -> dict:
        """Someone writes in a channel or thread: stored (history returns it) and MESSAGE_CREATE dispatched."""
        msg = self.message(channel_id, content, author, reply_to=reply_to, at=at, mentions=mentions)
        await self.dispatch("MESSAGE_CREATE", self._event(msg))
        return msg

    async def edit(self, message_id: int, content: str) -> dict:
        """The author edits a message: MESSAGE_UPDATE with the whole message, ``edited_timestamp`` set."""
        msg = self.messages[message_id]
        msg.update(content=content, edited_timestamp=iso(time.time()))
        await self.dispatch("MESSAGE_UPDATE", self._event(msg))
        return msg

    async def delete(self, message_id: int) -> None:
        """A message is deleted: gone from history, MESSAGE_DELETE ``{id, channel_id, guild_id}``."""
        msg = self.messages.pop(message_id)
        payload = {"id": str(message_id), "channel_id": msg["channel_id"]}
        guild_id = self._guild_id_of(msg)
        if guild_id:
            payload["guild_id"] = str(guild_id)
        await self.dispatch("MESSAGE_DELETE", payload)

    async def bulk_delete(self, channel_id: int, ids: list[int]) -> None:
        """A moderator purges messages (2-100, one channel): MESSAGE_DELETE_BULK ``{ids, channel_id, guild_id}``."""
        assert 2 <= len(ids) <= 100, "Discord's bulk delete takes 2 to 100 messages"
        for mid in ids:
            assert self.messages.pop(mid)["channel_id"] == str(channel_id)
        payload = {"ids": [str(i) for i in ids], "channel_id": str(channel_id)}
        guild = self.guild_of(channel_id)
        if guild:
            payload["guild_id"] = str(guild.id)
        await self.dispatch("MESSAGE_DELETE_BULK", payload)

    async def create_thread(self, parent_id: int, name: str, owner: dict, *,
                            message_id: int | None = None) -> dict:
        """Someone starts a thread: THREAD_CREATE (``newly_created``); a thread not started from a message also
        leaves Discord's THREAD_CREATED system message (type 18) in the parent channel, as Discord posts it."""
        guild = self.guild_of(parent_id)
        tid = message_id or self.next_id()  # a thread from a message takes the message's id, as on Discord
        thread = guild.threads[tid] = thread_payload(guild.id, tid, parent_id, name, int(owner["id"]))
        await self.dispatch("THREAD_CREATE", dict(thread, newly_created=True))
        if message_id is None:
            system = self.message(parent_id, name, owner, kind=THREAD_CREATED)
            system["message_reference"] = {"type": 0, "channel_id": str(tid), "guild_id": str(guild.id)}
            await self.dispatch("MESSAGE_CREATE", self._event(system))
        return thread

    async def delete_thread(self, thread_id: int) -> None:
        """A thread is deleted: its messages go, THREAD_DELETE ``{id, guild_id, parent_id, type}``."""
        guild = self.guild_of(thread_id)
        thread = guild.threads.pop(thread_id)
        self._drop_messages({thread_id})
        await self.dispatch("THREAD_DELETE", {"id": str(thread_id), "guild_id": str(guild.id),
                                              "parent_id": thread["parent_id"], "type": thread["type"]})

    async def delete_channel(self, channel_id: int) -> None:
        """A channel is deleted with its threads and messages: CHANNEL_DELETE (the channel object). Discord
        sends no THREAD_DELETE for its threads; discord.py derives those from its cache."""
        guild = self.guild_of(channel_id)
        channel = guild.channels.pop(channel_id)
        threads = {tid for tid, t in guild.threads.items() if t["parent_id"] == str(channel_id)}
        for tid in threads:
            del guild.threads[tid]
        self._drop_messages(threads | {channel_id})
        await self.dispatch("CHANNEL_DELETE", channel)

    def _drop_messages(self, channel_ids: set[int]) -> None:
        for mid in [i for i, m in self.messages.items() if int(m["channel_id"]) in channel_ids]:
            del self.messages[mid]

    def history(self, channel_id: int, *, people_only: bool = True) -> list[dict]:
        """The channel's messages now, oldest first (``people_only``: not the bot's, not system messages)."""
        return [self.messages[i] for i in sorted(self.messages) if self.messages[i]["channel_id"] == str(channel_id)
                and not self.messages[i]["flags"] & EPHEMERAL
                and not (people_only and (self.messages[i]["author"].get("bot")
                                          or self.messages[i]["type"] not in (DEFAULT, REPLY)))]

    def throttle(self, retry_after: float, *, path: str = "", method: str = "GET", scope: str = "user",
                 is_global: bool = False, count: int = 1) -> Throttle:
        """The next ``count`` ``method`` requests whose path contains ``path`` get a 429 (``retry_after`` s)."""
        throttle = Throttle(lambda m, p: m == method and path in p, retry_after, scope, is_global, count)
        self.limiter.throttles.append(throttle)
        return throttle

    # --- driving the bot -------------------------------------------------------------------------------
    async def wait_for(self, predicate, timeout: float = 30.0) -> Request:
        """The first recorded request (old or new) matching ``predicate``."""
        async def find():
            async with self.changed:
                while True:
                    for r in self.requests:
                        if predicate(r):
                            return r
                    await self.changed.wait()
        return await asyncio.wait_for(find(), timeout)

    async def send_message(self, content: str, author: dict, *, dm: bool = False, mentions: list[dict] = (),
                           channel_id: int | None = None) -> dict:
        """A message to the bot: in #general of the first server (or ``channel_id``), or in its DM."""
        data = self.message(channel_id or (DM_CHANNEL_ID if dm else CHANNEL_ID), content, author, mentions=mentions)
        await self.dispatch("MESSAGE_CREATE", self._event(data))
        return data

    def _interaction_base(self, kind: int, author: dict, *, admin: bool = False, dm: bool = False,
                          roles: list[int] = (), guild_id: int = GUILD_ID, locale: str = "en-US",
                          channel_id: int | None = None) -> dict:
        iid = self.next_id()
        base = {"id": str(iid), "application_id": str(APP_ID), "type": kind, "token": f"tok-{iid}", "version": 1,
                "locale": locale, "entitlements": [], "attachment_size_limit": 26214400,
                "app_permissions": ALL_PERMISSIONS}
        if dm:
            base.update({"channel_id": str(DM_CHANNEL_ID), "user": author, "context": 1,
                         "channel": {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [author],
                                     "last_message_id": None, "flags": 0},
                         "authorizing_integration_owners": {"1": author["id"]}})
        else:
            channel_id = channel_id or self.channel_of(guild_id)
            channel = self.channel(channel_id) or channel_payload(guild_id, channel_id, "general")
            base.update({
                "guild_id": str(guild_id), "channel_id": str(channel_id), "guild_locale": "en-US", "context": 0,
                "channel": dict(channel, permissions=ALL_PERMISSIONS),
                "member": {"user": author, "roles": [str(r) for r in roles], "joined_at": TIMESTAMP, "deaf": False,
                           "mute": False, "flags": 0, "pending": False,
                           "permissions": ADMIN_PERMISSIONS if admin else MEMBER_PERMISSIONS},
                "authorizing_integration_owners": {"0": str(guild_id)},
            })
        self._interaction_channels[base["token"]] = int(base["channel_id"])
        return base

    async def slash(self, name: str, options: dict, author: dict, *, sub: str | None = None, **kw) -> str:
        """Invoke a slash command (``sub``: one of its subcommands, as ``/index-channel add``); returns the
        interaction token. A ``ChannelRef`` option is a channel option, resolved as Discord resolves it."""
        base = self._interaction_base(2, author, **kw)
        opts = [{"name": k, "type": _option_type(v), "value": str(v.id) if isinstance(v, ChannelRef) else v}
                for k, v in options.items()]
        base["data"] = {"id": str(self.next_id()), "name": name, "type": 1,
                        "options": [{"name": sub, "type": 1, "options": opts}] if sub else opts}
        refs = [v for v in options.values() if isinstance(v, ChannelRef)]
        if refs:
            base["data"]["resolved"] = {"channels": {str(r.id): dict(self.channel(r.id) or {"id": str(r.id)},
                                                                     permissions=ALL_PERMISSIONS) for r in refs}}
        if "guild_id" in base:
            base["data"]["guild_id"] = base["guild_id"]
        await self.dispatch("INTERACTION_CREATE", base)
        return base["token"]

    async def message_command(self, name: str, message: dict, author: dict, **kw) -> str:
        """Invoke a message context-menu command (Apps → ``name``) on ``message``; returns the token."""
        base = self._interaction_base(2, author, **kw)
        base["data"] = {"id": str(self.next_id()), "name": name, "type": 3, "target_id": message["id"],
                        "resolved": {"messages": {message["id"]: message}}}
        if "guild_id" in base:
            base["data"]["guild_id"] = base["guild_id"]
        await self.dispatch("INTERACTION_CREATE", base)
        return base["token"]

    def message_of(self, content: str, author: dict, attachments: list[dict] = ()) -> dict:
        """A message as Discord would resolve it for a context-menu command, never sent to the bot."""
        return {"id": str(self.next_id()), "channel_id": str(CHANNEL_ID), "author": author, "content": content,
                "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": list(attachments), "embeds": [], "pinned": False,
                "type": 0, "flags": 0, "components": []}

    async def autocomplete(self, name: str, options: dict, focused: str, author: dict, **kw) -> str:
        base = self._interaction_base(4, author, **kw)
        opts = [dict({"name": k, "type": _option_type(v), "value": v}, **({"focused": True} if k == focused else {}))
                for k, v in options.items()]
        base["data"] = {"id": str(self.next_id()), "name": name, "type": 1, "options": opts}
        if "guild_id" in base:
            base["data"]["guild_id"] = base["guild_id"]
        await self.dispatch("INTERACTION_CREATE", base)
        return base["id"]

    async def click(self, message: dict, custom_id: str, author: dict, **kw) -> str:
        base = self._interaction_base(3, author, **kw)
        base["message"] = dict(message, author=message.get("author", BOT_USER))
        base["data"] = {"custom_id": custom_id, "component_type": 2}
        await self.dispatch("INTERACTION_CREATE", base)
        return base["token"]


def _json(data, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses a body as JSON only when Content-Type is exactly "application/json" (no charset).
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})


def _option_type(v) -> int:
    if isinstance(v, ChannelRef):
        return 7
    if isinstance(v, bool):
        return 5
    if isinstance(v, int):
        return 4
    return 3


def custom_ids(message: dict) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row.get("components", [])
            if "custom_id" in c]


@contextlib.asynccontextmanager
async def connected(fake: FakeDiscord, bot, timeout: float = 120.0):
    """``bot`` (a discord.py client) started against ``fake`` and ready, until the block ends: discord.py's REST
    base and gateway pointed at the fake, and put back afterwards (benchmarks run this in-process too)."""
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    await fake.start()
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = fake.api_base, yarl.URL(fake.gateway_url)
    task = asyncio.create_task(bot.start("fake-token"))
    try:
        deadline = time.monotonic() + timeout
        while not bot.is_ready():
            if task.done():
                task.result()
            assert time.monotonic() < deadline, "bot never became ready"
            await asyncio.sleep(0.05)
        yield bot
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 10)
        await fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
