import { pages, runDetectorTable } from './detector-table';

// Each text also writes the word in lower case elsewhere, as the detector asks of a content word.
runDetectorTable('capitalisation', {
  valid: [
    'The deficits are four. The Sustainable Cities Alliance met; sustainable growth followed.\n',
    'It released the Belt and Road Initiative, The Framework for Debt Sustainability, and more.\n',
    'In May 2017 the forum met. It may meet again.\n',
    'Xi Jinping Thought on Socialism with Chinese Characteristics, and socialism itself.\n',
    'The growth went from 22 to 39 in 2020.ii This growth is set to continue.\n',
    'Documents leaked to the West, and the west wind blew.\n',
    'He said: "The plan is good." The plan was adopted, as the plan said.\n',
    'We went to the Belt and Road forum; the Belt and Road grows.\n',
    // After a semicolon: a document that writes capitals there as often as not; a name.
    'We met; The plan was adopted; the work began; Adhere to it, adhere to it.\n',
    'We met; the plan was adopted; the work began; China agreed to it.\n',
    // A numbered heading as long as a full line, taken for a list item and joined to its text.
    [
      'The school is often the only public institution in a village, and its fate is closely bound',
      'up with the fate of the community around it. This short chapter looks at how schools have',
      'taken on wider roles, and at the pressures that now threaten many of them in the village.',
      '4. Build schools that serve the whole community and support the well-being of rural families',
      'In the most successful counties the school has become far more than a place where children',
      'learn to read and count. It is also where adults attend evening classes in the county.',
      '',
    ].join('\n'),
  ],
  invalid: [
    // The capital that opens a page ("Promote the plan") is that page break's artefact, not a
    // sign that "Promote" is a name: the one after a semicolon is still a capital to lower.
    {
      text: pages([
        ['We met; the plan was adopted; the work began; we agreed to', 'build and'],
        ['Promote the plan together.'],
        ['The team met; Promote the plan, and promote it well.'],
        ['End.'],
      ]),
      output: pages([
        ['We met; the plan was adopted; the work began; we agreed to', 'build and'],
        ['promote the plan together.'],
        ['The team met; promote the plan, and promote it well.'],
        ['End.'],
      ]),
    },
    // After a semicolon, in a document that writes lower case after most of them.
    {
      text: 'We met; the plan was adopted; the work began; Adhere to the plan, adhere to it.\n',
      output: 'We met; the plan was adopted; the work began; adhere to the plan, adhere to it.\n',
    },
    {
      text: 'We met; the plan was adopted; the work began; Moreover, it was good.\n',
      output: 'We met; the plan was adopted; the work began; moreover, it was good.\n',
    },
    {
      text: 'We met; the plan was adopted; the work began; Adhere to it; the team met; Adhere to them.\n',
      output: 'We met; the plan was adopted; the work began; adhere to it; the team met; adhere to them.\n',
    },
    {
      text: 'The deficits are four. The world faces a trust deficit, and Four major challenges.\n',
      output: 'The deficits are four. The world faces a trust deficit, and four major challenges.\n',
    },
    {
      text: 'So that the public can become The main force of the project.\n',
      output: 'So that the public can become the main force of the project.\n',
    },
    {
      text: 'Promote culture, sports, In the field of health, we act in the field.\n',
      output: 'Promote culture, sports, in the field of health, we act in the field.\n',
    },
    {
      text: 'It addresses governance dilemmas, Digital divide and the digital economy.\n',
      output: 'It addresses governance dilemmas, digital divide and the digital economy.\n',
    },
  ],
});
