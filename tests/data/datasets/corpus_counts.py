#!/usr/bin/python3
# Reference numbers asserted by tests/corpora/datasets/labelled_text_corpus_test.cpp: rows, class
# counts and total UTF-8 bytes of the (ASCII-whitespace-trimmed) texts of each real dataset.
#   /usr/bin/python3 tests/data/datasets/corpus_counts.py ../shared/data/sentiment
import collections
import json
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/sentiment'
WS = ' \t\r\n\f\v'


def report(name, texts, labels):
    print(name, len(texts), sum(len(t.encode('utf-8')) for t in texts),
          sorted(collections.Counter(labels).items()))


for agree in ['AllAgree', '50Agree']:
    text = open(f'{root}/financial_phrasebank_v1.0/Sentences_{agree}.txt', 'rb').read()
    lines = [l for l in text.decode('cp1252').split('\n') if l.strip(WS)]
    good = [l.rsplit('@', 1) for l in lines if '@' in l]
    print('lines without @:', [i + 1 for i, l in enumerate(text.decode('cp1252').split('\n'))
                               if l.strip(WS) and '@' not in l])
    report(agree, [t.strip(WS) for t, _ in good], [c.strip(WS) for _, c in good])

data = json.load(open(f'{root}/stocktwits_udacity_subset/twits.json'))['data']
report('twits', [x['message_body'] for x in data], [x['sentiment'] for x in data])

sms = open(f'{root}/sms_spam_collection/SMSSpamCollection', 'rb').read().decode('utf-8')
rows = [l.split('\t', 1) for l in sms.split('\n') if l.strip(WS)]
report('sms', [t.strip(WS) for _, t in rows], [c for c, _ in rows])

for cls in ['neg', 'pos']:
    text = open(f'{root}/rt_polaritydata_v1.0/rt-polarity.{cls}', 'rb').read().decode('cp1252')
    texts = [l.strip(WS) for l in text.split('\n') if l.strip(WS)]
    report(cls, texts, [cls] * len(texts))
