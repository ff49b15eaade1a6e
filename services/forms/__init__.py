"""Forms as data: XLSForm files read into a FormDefinition the rest of the bot answers.

definition.py holds the plain structure (stored as JSON with the form); xlsform.py reads an
XLSForm with pyxform and checks it (imported only where forms are loaded: pyxform is slow to
import).
"""
