"""The sandbox: the bot against a local Telegram Bot API emulator, with a web page to chat as
the demo people (`python -m bot sandbox`). The emulator in sandbox.telegram is also the one
the test suite runs the bot against."""
