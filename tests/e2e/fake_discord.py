"""A fake Discord on 127.0.0.1: enough Gateway v10 and REST for the real discord.py client.

The test points discord.py at it by setting ``discord.http.Route.BASE`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``; the bot's code is not changed. Every REST request is
recorded (method, path, JSON body) so a test can assert on exactly what the bot sent.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

BOT_ID = 900000000000000001
APP_ID = BOT_ID
GUILD_ID = 900000000000000100
CHANNEL_ID = 900000000000000200
DM_CHANNEL_ID = 900000000000000300
ADMIN_ROLE_ID = 900000000000000400
OWNER_ID = 900000000000000500
TIMESTAMP = "2026-01-01T00:00:00.000000+00:00"
ALL_PERMISSIONS = str((1 << 50) - 1)
MEMBER_PERMISSIONS = str(0x400 | 0x800 | 0x4000 | 0x10000 | 0x40 | 0x80000000)  # view, send, embed, history…
ADMIN_PERMISSIONS = str(int(MEMBER_PERMISSIONS) | 0x20)  # + Manage Server


def user(uid: int, name: str, bot: bool = False) -> dict:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
            "bot": bot, "public_flags": 0, "flags": 0}


BOT_USER = user(BOT_ID, "Quoth", bot=True)


@dataclass
class Request:
    method: str
    path: str
    body: dict | list | None
    query: dict
    at: float = field(default_factory=time.monotonic)  # when the fake received it


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
    _ids: itertools.count = field(default_factory=lambda: itertools.count(910000000000000000))
    _seq: itertools.count = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.sockets: list[web.WebSocketResponse] = []
        self.identified = asyncio.Event()
        self.changed = asyncio.Condition()
        self.originals: dict[str, dict] = {}  # interaction token -> original response message
        self.messages: dict[int, dict] = {}
        self.commands: list[dict] = []
        self.shard_by_socket: dict[int, int] = {}
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

    def next_id(self) -> int:
        return next(self._ids)

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
        if not sockets:
            self.missed.append((event, data))
        for ws in sockets:
            await self._send(ws, event, data)

    async def drop(self, code: int = 4000) -> None:
        """Close every gateway connection as a network failure would (4000: resumable)."""
        for ws in list(self.sockets):
            await ws.close(code=code)

    @staticmethod
    def channel_of(guild_id: int) -> int:
        return CHANNEL_ID if guild_id == GUILD_ID else guild_id + 1

    def guild_payload(self, guild_id: int = GUILD_ID) -> dict:
        channel_id = self.channel_of(guild_id)
        return {
            "id": str(guild_id), "name": "Test Guild", "icon": None, "owner_id": str(OWNER_ID), "afk_timeout": 300,
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
            "member_count": 2, "unavailable": False, "threads": [], "voice_states": [], "presences": [],
            "stage_instances": [], "guild_scheduled_events": [],
            "members": [{"user": BOT_USER, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                         "flags": 0}],
            "channels": [{"id": str(channel_id), "type": 0, "guild_id": str(guild_id), "name": "general",
                          "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None,
                          "topic": None, "last_message_id": None, "rate_limit_per_user": 0, "flags": 0}],
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
        async with self.changed:
            self.requests.append(req)
            self.changed.notify_all()
        result = self.route(req)
        if result is None:
            return _json({"message": "404: Not Found", "code": 0}, status=404)
        if result == 204:
            return web.Response(status=204)
        return _json(result)

    def message_from(self, body: dict, channel_id: int, author: dict = BOT_USER, **extra) -> dict:
        mid = self.next_id()
        msg = {
            "id": str(mid), "channel_id": str(channel_id), "author": author, "content": body.get("content") or "",
            "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "pinned": False, "type": 0, "flags": body.get("flags") or 0, "components": body.get("components") or [],
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
            token = parts[2]
            if m == "PATCH" and parts[-1] == "@original":
                original = self.originals.get(token) or self.message_from({}, CHANNEL_ID)
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
                return self.message_from(b, CHANNEL_ID, webhook_id=str(APP_ID))
        if parts[0] == "channels":
            channel_id = int(parts[1])
            if m == "POST" and parts[-1] == "typing":
                return 204
            if m == "POST" and len(parts) == 3 and parts[2] == "messages":
                return self.message_from(b, channel_id)
            if m == "POST" and len(parts) == 5 and parts[4] == "threads":
                return self._thread(channel_id, b)
        return None

    def _callback(self, interaction_id: str, token: str, body: dict) -> dict:
        kind = body["type"]
        data = body.get("data") or {}
        ephemeral = bool((data.get("flags") or 0) & 64)
        resource: dict = {"type": kind}
        if kind in (4, 5):
            msg = self.message_from(data, CHANNEL_ID)
            self.originals[token] = msg
            resource["message"] = msg
        return {"interaction": {"id": interaction_id, "type": 2, "activity_instance_id": None,
                                "response_message_id": resource.get("message", {}).get("id"),
                                "response_message_loading": kind == 5, "response_message_ephemeral": ephemeral},
                "resource": resource}

    def _thread(self, parent_id: int, body: dict) -> dict:
        tid = self.next_id()
        thread = {"id": str(tid), "type": 11, "guild_id": str(GUILD_ID), "parent_id": str(parent_id),
                  "owner_id": str(BOT_ID), "name": body.get("name", "thread"), "last_message_id": None,
                  "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
                  "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                      "archive_timestamp": TIMESTAMP, "locked": False}}
        asyncio.get_running_loop().create_task(self.dispatch("THREAD_CREATE", dict(thread, newly_created=True)))
        return thread

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
        mid = self.next_id()
        data = {
            "id": str(mid), "channel_id": str(channel_id or (DM_CHANNEL_ID if dm else CHANNEL_ID)),
            "author": author, "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": list(mentions), "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": [],
        }
        if not dm:
            data["guild_id"] = str(GUILD_ID)
            data["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}
        self.messages[mid] = data
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    def _interaction_base(self, kind: int, author: dict, *, admin: bool = False, dm: bool = False,
                          roles: list[int] = (), guild_id: int = GUILD_ID, locale: str = "en-US") -> dict:
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
            channel_id = self.channel_of(guild_id)
            base.update({
                "guild_id": str(guild_id), "channel_id": str(channel_id), "guild_locale": "en-US", "context": 0,
                "channel": {"id": str(channel_id), "type": 0, "guild_id": str(guild_id), "name": "general",
                            "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None,
                            "flags": 0, "rate_limit_per_user": 0, "last_message_id": None, "topic": None},
                "member": {"user": author, "roles": [str(r) for r in roles], "joined_at": TIMESTAMP, "deaf": False,
                           "mute": False, "flags": 0, "pending": False,
                           "permissions": ADMIN_PERMISSIONS if admin else MEMBER_PERMISSIONS},
                "authorizing_integration_owners": {"0": str(guild_id)},
            })
        return base

    async def slash(self, name: str, options: dict, author: dict, **kw) -> str:
        """Invoke a slash command; returns the interaction token."""
        base = self._interaction_base(2, author, **kw)
        opts = [{"name": k, "type": _option_type(v), "value": v} for k, v in options.items()]
        base["data"] = {"id": str(self.next_id()), "name": name, "type": 1, "options": opts}
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

    async def autocomplete(self, name: str, options: dict, focused: str, author: dict) -> str:
        base = self._interaction_base(4, author)
        opts = [dict({"name": k, "type": _option_type(v), "value": v}, **({"focused": True} if k == focused else {}))
                for k, v in options.items()]
        base["data"] = {"id": str(self.next_id()), "name": name, "type": 1, "options": opts,
                        "guild_id": str(GUILD_ID)}
        await self.dispatch("INTERACTION_CREATE", base)
        return base["id"]

    async def click(self, message: dict, custom_id: str, author: dict, **kw) -> str:
        base = self._interaction_base(3, author, **kw)
        base["message"] = dict(message, author=message.get("author", BOT_USER))
        base["data"] = {"custom_id": custom_id, "component_type": 2}
        await self.dispatch("INTERACTION_CREATE", base)
        return base["token"]


def _json(data, status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only when Content-Type is exactly "application/json" (no charset).
    return web.Response(body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"})


def _option_type(v) -> int:
    if isinstance(v, bool):
        return 5
    if isinstance(v, int):
        return 4
    return 3


def custom_ids(message: dict) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row.get("components", [])
            if "custom_id" in c]
