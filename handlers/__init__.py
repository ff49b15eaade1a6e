"""aiogram routers, each built by a factory function (a router joins one dispatcher only)."""
