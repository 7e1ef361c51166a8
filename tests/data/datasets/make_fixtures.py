#!/usr/bin/python3
# Writes the labelled-text fixtures of tests/corpora/datasets byte for byte (BOM, CRLF, Latin-1
# and cp1252 bytes cannot be typed reliably in an editor).
#   cd tests/data/datasets && /usr/bin/python3 make_fixtures.py
import os


def w(name, data):
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'wb') as f:
        f.write(data)


# CSV: UTF-8 BOM, CRLF, quoted comma, "" escape, embedded CRLF, blank line, id column.
w('quoted.csv', b'\xef\xbb\xbfid,text,label\r\n'
  b'a1,"Revenue rose, margins fell",negative\r\n'
  b'a2,"He said ""buy"" twice",positive\r\n'
  b'\r\n'
  b'a3,"two\r\nlines",neutral\r\n'
  b'a4,plain caf\xc3\xa9,positive\r\n')
# TSV with numeric labels (classes sort numerically: 0, 1, 10).
w('reviews.tsv', b'label\ttext\n1\tgood movie\n0\tbad movie\n10\tbest movie\n')
# JSONL: string labels, numeric and string ids, a \u escape, a blank line.
w('rows.jsonl', b'{"text": "up big", "label": "pos", "id": 7}\n\n'
  b'{"text": "down \\u2193", "label": "neg", "id": "x8"}\n'
  b'{"text": "flat", "label": "pos", "id": 9}\n')
# Financial PhraseBank layout, Latin-1: n with tilde, pound sign, e acute; an '@' in a sentence.
w('Sentences_tiny.txt', b'Sales rose 5 % in Espa\xf1a .@positive\n'
  b'Contact us @ info .@neutral\n'
  b'\n'
  b'Loss widened to \xa33m .@negative\n'
  b'Caf\xe9 results were flat .@neutral\n')
w('twits.json', b'{"data": [{"message_body": "$AAPL to the moon", "sentiment": 2, "timestamp": "t1"},'
  b' {"message_body": "$TSLA \\u2019meh\\u2019", "sentiment": 0, "timestamp": "t2"},'
  b' {"message_body": "$X dump", "sentiment": -2, "timestamp": "t3"}]}\n')
# SMS Spam Collection layout: split at the first tab only.
w('SMSSpamCollection', b'ham\tSee you at 5\tok\nspam\tWIN a prize now!!\n\nham\tFine, thanks\n')
# rt-polarity layout, cp1252: en dash 0x96, ellipsis 0x85, curly quotes 0x93/0x94.
w('polarity/tiny.neg', b'dull , and \x96 worse \x85 long . \nflat .\n')
w('polarity/tiny.pos', b'a caf\xe9 gem .\n\nwarm and \x93funny\x94 .\n')
w('polarity/README.txt', b'not data\n')
