#!/usr/bin/python3
"""Boot tests only: relays the guest's 127.0.0.1:8084 to the host world's calendar at 10.0.2.100:84.

The kiosk accepts a plain-http schedule source only on loopback; this keeps the test's calendar plain http."""

import asyncio

LISTEN = ("127.0.0.1", 8084)
TARGET = ("10.0.2.100", 84)


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def relay(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
    try:
        upstream_reader, upstream_writer = await asyncio.open_connection(*TARGET)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer),
                         return_exceptions=True)


async def main() -> None:
    server = await asyncio.start_server(relay, *LISTEN)
    async with server:
        await server.serve_forever()


asyncio.run(main())
