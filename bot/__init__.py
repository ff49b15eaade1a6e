"""The ARCP focal-point bot: process wiring, CLI and outbound delivery."""
