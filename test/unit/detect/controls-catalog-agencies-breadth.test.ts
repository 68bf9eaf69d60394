// Catalog entries added for breadth: national cyber security agencies and CERTs
// (Italy, Spain, the Netherlands, Norway, Sweden, Poland, Austria, the Czech Republic,
// Estonia, Israel, Japan, Korea, India, Saudi Arabia, Qatar) and financial supervisors
// (Germany, France, Québec, Italy, Spain, Switzerland, Luxembourg, Sweden, Denmark,
// Norway, Japan, Korea, New Zealand, South Africa, Brazil, Mexico, Ontario). Each is
// found under its own id, and its short forms only where they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFound, found } from './catalogFinds';

test('national cyber security agencies of Europe', () => {
  assert.deepEqual(found('Incidents affecting essential entities in Italy are notified to the ACN through CSIRT Italia.'), [
    'it-acn:ACN',
    'it-acn:CSIRT Italia',
  ]);
  assert.deepEqual(found('INCIBE-CERT, run by INCIBE in León, handles incidents reported by Spanish companies.'), [
    'es-incibe:INCIBE-CERT',
    'es-incibe:INCIBE',
  ]);
  assert.deepEqual(found('The Dutch NCSC published an advisory; the NCSC in The Hague also warned vital providers.'), [
    'nl-ncsc:Dutch NCSC',
    'nl-ncsc:NCSC',
  ]);
  assert.deepEqual(found('In Norway, NSM publishes the Grunnprinsipper for IKT-sikkerhet.'), ['no-nsm:NSM']);
  assert.deepEqual(found('Swedish agencies follow MSBFS 2020:6 issued by MSB, and report incidents to CERT-SE.'), [
    'se-msb:MSBFS',
    'se-msb:MSB',
    'se-cert-se:CERT-SE',
  ]);
  assert.deepEqual(found("CERT Polska, run by NASK, is one of Poland's national CSIRTs."), [
    'pl-cert-polska:CERT Polska',
    'pl-cert-polska:NASK',
  ]);
  assert.deepEqual(found('CERT.at and the Czech NÚKIB issued joint warnings.'), ['at-cert:CERT.at', 'cz-nukib:NÚKIB']);
  assert.deepEqual(found('In Estonia, RIA maintains the E-ITS baseline and runs CERT-EE.'), ['ee-ria:RIA', 'ee-ria:CERT-EE']);
});

test('national cyber security agencies of Asia and the Middle East, and Saudi Arabia’s ECC', () => {
  assert.deepEqual(found('The Israel National Cyber Directorate (INCD) warned of attacks on Israeli firms.'), [
    'il-incd:Israel National Cyber Directorate (INCD)',
  ]);
  assert.deepEqual(found("Japan's NISC and JPCERT/CC coordinate with KISA in Korea."), [
    'jp-nisc:NISC',
    'jp-jpcert:JPCERT/CC',
    'kr-kisa:KISA',
  ]);
  assert.deepEqual(found("India's NCIIPC protects critical information infrastructure."), ['in-nciipc:NCIIPC']);
  assert.deepEqual(found("Saudi government entities must comply with the NCA's Essential Cybersecurity Controls (ECC-2:2024)."), [
    'sa-nca:NCA',
    'sa-ecc:Essential Cybersecurity Controls (ECC-2:2024)',
  ]);
  assert.deepEqual(found('The NCA in Saudi Arabia requires ECC compliance.'), ['sa-nca:NCA', 'sa-ecc:ECC']);
  assert.deepEqual(found("Qatar's NCSA published a national information assurance standard."), ['qa-ncsa:NCSA']);
});

test('the agencies’ short names are other things elsewhere', () => {
  assert.deepEqual(found('The ACN number on the invoice identifies the Australian company.'), []);
  assert.deepEqual(found('Our SOC uses NSM sensors to capture network traffic.'), []);
  assert.deepEqual(found('The MSB of the byte is set.'), []);
  assert.deepEqual(found('The RIA for the draft regulation was published.'), []);
  // ECC and NCA do not vouch for each other: elliptic curves and the UK's crime agency.
  assert.deepEqual(found('TLS uses ECC keys on the server; the NCA arrested the suspects in the UK.'), []);
  // The UK's NCSC stays the UK's.
  assert.deepEqual(found('The NCSC published Cyber Essentials guidance for UK small businesses.'), [
    'ncsc:NCSC',
    'cyber-essentials:Cyber Essentials',
  ]);
});

test('financial supervisors of Europe, and FINMA’s circular on operational resilience', () => {
  assert.deepEqual(found('BaFin expects banks to meet the BAIT and MaRisk.'), ['de-bafin:BaFin', 'de-bait:BAIT']);
  assert.deepEqual(found('In France, the ACPR and the AMF are the national competent authorities for DORA.'), [
    'fr-acpr:ACPR',
    'fr-amf:AMF',
    'dora:DORA',
  ]);
  assert.deepEqual(found('The AMF of Québec regulates Canadian insurers and dealers.'), ['ca-qc-amf:AMF']);
  assert.deepEqual(found("Banca d'Italia and CONSOB supervise Italian firms; in Spain the CNMV does."), [
    "it-banca-d-italia:Banca d'Italia",
    'it-consob:CONSOB',
    'es-cnmv:CNMV',
  ]);
  assert.deepEqual(found('FINMA Circular 2023/1 on operational risks and resilience applies to Swiss banks supervised by FINMA.'), [
    'ch-finma-circular-2023-1:FINMA Circular 2023/1',
    'ch-finma:FINMA',
  ]);
  assert.deepEqual(found("Luxembourg's CSSF and Sweden's Finansinspektionen are DORA authorities."), [
    'lu-cssf:CSSF',
    'se-finansinspektionen:Finansinspektionen',
    'dora:DORA',
  ]);
  assert.deepEqual(found('The Danish Finanstilsynet and the Norwegian Finanstilsynet issued guidance.'), [
    'dk-finanstilsynet:Finanstilsynet',
    'no-finanstilsynet:Finanstilsynet',
  ]);
});

test('financial supervisors of Asia-Pacific, Africa and the Americas', () => {
  assert.deepEqual(found("Japan's FSA issued cybersecurity guidelines for banks in Tokyo."), ['jp-fsa:FSA']);
  assert.deepEqual(found("Korea's FSC and the FSS in Seoul issued rules on electronic financial transactions."), [
    'kr-fsc:FSC',
    'kr-fss:FSS',
  ]);
  assert.deepEqual(found("The Reserve Bank of New Zealand (RBNZ) and New Zealand's FMA published cyber resilience guidance."), [
    'nz-rbnz:Reserve Bank of New Zealand (RBNZ)',
    'nz-fma:FMA',
  ]);
  assert.deepEqual(found('The South African Reserve Bank (SARB) hosts the Prudential Authority.'), [
    'za-sarb:South African Reserve Bank (SARB)',
    'za-prudential-authority:Prudential Authority',
  ]);
  assert.deepEqual(found('Brazilian banks follow CMN Resolution 4,893 of the Banco Central do Brasil (BCB).'), [
    'br-cmn-resolution-4893:CMN Resolution 4,893',
    'br-bcb:Banco Central do Brasil (BCB)',
  ]);
  assert.deepEqual(found('Under Resolution 4,893, the BCB requires a cyber security policy in Brazil.'), [
    'br-cmn-resolution-4893:Resolution 4,893',
    'br-bcb:BCB',
  ]);
  assert.deepEqual(found("The CVM in Brazil and Mexico's CNBV regulate securities."), ['br-cvm:CVM', 'mx-cnbv:CNBV']);
  assert.deepEqual(documentFound('The Ontario Securities Commission (OSC) and the OSC staff in Toronto reviewed the filing.'), [
    'ca-on-osc:Ontario Securities Commission (OSC)',
    'ca-on-osc:OSC',
  ]);
});

test('the supervisors’ short names are other things elsewhere', () => {
  assert.deepEqual(found('The phishing email used a BAIT subject line.'), []);
  assert.deepEqual(found('The AMF file format stores additive manufacturing models.'), []);
  assert.deepEqual(found('The FSA fined the bank in London in 2010.'), []);
  assert.deepEqual(found('The FSC certified the paper as sustainably sourced.'), []);
  assert.deepEqual(found('The FMA found the failure modes of the pump.'), []);
  assert.deepEqual(found('The synthesizer accepts OSC messages over UDP.'), []);
});
