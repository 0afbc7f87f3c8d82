import { pages, runDetectorTable } from './detector-table';

const note = '1 Minutes of the meeting, Regional Press, 2019, p. 4.';

runDetectorTable('spacing', {
  valid: [
    // One space each side of a footnote marker: the two meet only once the marker is left out.
    pages([
      [
        'The goal of national policies. [1] “The Soviet Military Encyclopedia” states that strategy is',
        'an art of war. It is taught in every military academy of the country today.',
        '1 Soviet Military Encyclopedia, Military Publishing House, 1986 edition, p. 3.',
      ],
      ['The next page goes on with the theory of the war.'],
      ['End.'],
    ]),
    // Years and units glued by design, a lone "a", a letter that is a word of its own.
    'In the 2030s, the 5th plan, 10km long, the 3rd time; a bout of fever; x axis.\n',
    // Names, codes and formulas.
    'The G20 summit, 5G networks, the 16+1 format and COVID-19 shaped the 2030s.\n',
    'The DF-21Ds and DF-26s, L3Harris and SpaceX, H2O, CO2, NaCl and C6H12O6 were listed.\n',
    'He bought an iPhone on eBay, ate at McDonald’s with Bruce MacDonald and Scott LaFoy.\n',
    'Posts on YouTube, PowerPoint slides, JavaScript code, WeChat and LinkedIn groups.\n',
    'CrowdStrike found the group, as EastDay and RadarTutorial reported.\n',
    // Code: identifiers and member access.
    'Call insertSpaces or setInterval, then read mongoose.Schema; and Minipass.Events {}.\n',
    // Ellipses, decimals, abbreviations and initials.
    'He paused ... and went on … to the end, and so on...\n',
    'Growth was 2.5 percent in 2019, up from 1.75 percent.\n',
    'The U.S. and the E.U. met at 3 p.m. with J.R.R. Tolkien, e.g. in May, i.e. early.\n',
    'See No.1 and Vol.2 of the series, p.459, and No. 3.\n',
    // Addresses.
    'See airuniversity.af.mil, CASI-Research.ORG, Gov.Uk and ASP.Net, or write to casi@au.af.mil.\n',
    'Online at https://www.nasic.af.mil/LinkClick.aspx?fileticket=F2VLcKSmCTE%3d and Report.Pdf.\n',
    'See https://fas.org/nuke/guide/china/doctrine/mirv.pdf ; Scott LaFoy, “Building a Cathedral.”\n',
    // Brackets, quotes, dashes, times and ranges.
    'The plan (adopted in 2017) and the “Belt and Road” were discussed.\n',
    'The plan - adopted in 2017 - was a success in 1990-2000 and 2010 - 2020.\n',
    'The meeting opened at 10 :30 sharp on a map of 1 :50,000.\n',
    'Development…74 . 90\nthe 1 , 000 men\n',
    // Chinese text and mixed scripts.
    'The slogan [冰天雪地砺长剑] and “火爆依旧 !” and ( 预警反击) and [ 杨秀敏] were quoted.\n',
    // Split-looking words that are right.
    'A bout of fever. Appendix H is attached, and Plan B was adopted.\n',
    'Both shore- and island-based forces use air-dropped or -launched weapons, pre- and post-war.\n',
    'The quotation was: “It is ‘right’ so.” The letter S is used. The R&D facility was built.\n',
    'The empty field in System,” , 252 of the citation.\n',
    // Spacing that other detectors own: a line break, a footnote marker.
    'The Belt and Road in 2017\n, focus on key points of\n  the plan.\n',
    pages([['A home for the world.1 In May it', 'was repeated.', note], ['Later.'], ['End.']]),
    // Addresses laid out in a row.
    'https://twitter.com/CASI_Research  @CASI_Research\n',
  ],
  invalid: [
    { text: 'The reforms of 2019were quick.\n', output: 'The reforms of 2019 were quick.\n' },
    { text: 'The r eforms were quick.\n', output: 'The reforms were quick.\n' },
    // A space before punctuation.
    {
      text: 'The Belt and Road in 2017 , focus on key points ; trade .\n',
      output: 'The Belt and Road in 2017, focus on key points; trade.\n',
    },
    {
      text: 'Why ? Note : the plan (see above ) works!\n',
      output: 'Why? Note: the plan (see above) works!\n',
    },
    {
      text: 'The plan ( see above) and “the Road” , it is.\n',
      output: 'The plan (see above) and “the Road”, it is.\n',
    },
    // Doubled spaces.
    {
      text: 'Leaders formulate  nuclear strategy.  Could it be?\n',
      output: 'Leaders formulate nuclear strategy. Could it be?\n',
    },
    { text: 'Chief Editor:   Shou Xiaosong\n', output: 'Chief Editor: Shou Xiaosong\n' },
    // No space after a sentence end.
    {
      text: 'The Congress met.The plan was adopted in 2017.In May, a bonus?The end.\n',
      output: 'The Congress met. The plan was adopted in 2017. In May, a bonus? The end.\n',
    },
    { text: 'It put it forward.”The plan grew.\n', output: 'It put it forward.” The plan grew.\n' },
    // Words glued at a digit → capital or a lower → upper boundary.
    {
      text: 'Translation published Fall 2023Basic Issues of the sub-system.189Another article.\n',
      output: 'Translation published Fall 2023 Basic Issues of the sub-system.189 Another article.\n',
    },
    {
      text: 'Study Tips Review\nThe chapter TipsReview follows.\n',
      output: 'Study Tips Review\nThe chapter Tips Review follows.\n',
    },
    { text: 'It is at the coreThe Belt and Road.\n', output: 'It is at the core The Belt and Road.\n' },
    // Words split by a stray space.
    {
      text: 'The People’ s Congress, China ’s plan, they don’ t know, we’ re here.\n',
      output: 'The People’s Congress, China’s plan, they don’t know, we’re here.\n',
    },
    { text: 'See V ol. 3 and N o. 5 of the report.\n', output: 'See Vol. 3 and No. 5 of the report.\n' },
    { text: 'The rise of C hina. T he plan grew.\n', output: 'The rise of China. The plan grew.\n' },
    {
      text: 'They put special empha -sis on the interna- tional order.\n',
      output: 'They put special emphasis on the international order.\n',
    },
    // On a paged document, the offsets are the source's.
    {
      text: pages([
        ['The plan was adopted in 2017 , and the', 'leaders formulate  nuclear strategy.'],
        ['End.'],
      ]),
      output: pages([
        ['The plan was adopted in 2017, and the', 'leaders formulate nuclear strategy.'],
        ['End.'],
      ]),
    },
  ],
});
