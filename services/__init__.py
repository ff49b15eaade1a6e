"""The rules of the consultative process: plain async functions on a session; return data."""
