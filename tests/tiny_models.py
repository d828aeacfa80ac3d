"""Tiny random-weight models with the real tokenizer machinery, for tests and benchmarks.

They load through the same code path as the real models (a local folder given to from_pretrained),
so everything but the quality of the output is exercised. Builders are deterministic (fixed seeds).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import sentencepiece
import torch
from transformers import (
    MarianConfig,
    MarianMTModel,
    T5Config,
    T5ForConditionalGeneration,
    T5Tokenizer,
)

# The real opus-mt-zh-en tokenizer and config (no weights) live in ../shared beside the checkout.
SHARED_MARIAN_DIR = Path(__file__).resolve().parents[2] / "shared" / "models" / "opus-mt-zh-en"
MARIAN_TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")
SEED = 1234
# Chinese news sentences to train the tiny summariser's sentencepiece vocabulary on.
TRAINING_SENTENCES = [
    "今年以来，全省新增高技能人才5.7万余名，技能人才总量达到959万人。",
    "市总工会组织开展劳动和技能竞赛，参赛职工超过3万人次。",
    "该公司投入资金90亿元，建设创新工作室12个。",
    "近年来，金昌市把产业工人队伍建设改革作为重点任务。",
    "企业在职职工参加新型学徒制培训的，给予每人每年4000元补贴。",
    "重庆加快培养现代化产业工人大军，推进职业技能等级认定。",
    "湖北省总工会发布消息，全省技能人才成为制造强省的有力支撐。",
    "包头市总工会持续深化产改，赋能职工成长成才。",
    "十堰市举办第十五届职工技能大赛，共有120支队伍参加。",
    "甘肃省出台实施方案，力争到2025年底引进培养人才1000人。",
    "全市共发展产业工人党员694名，占发展党员总数的27.6%。",
    "市人代会代表中产业工人代表比例增加6%。",
    "先后有130多名高技能人才安排到关键管理岗位。",
    "200多名一线职工担任车间管理人员，80多名进入领导班子。",
    "工人日报记者从中华全国总工会获悉，五一劳动奖章评选工作启动。",
    "大国工匠走进校园，与学生分享技术创新的故事。",
    "各地工会组织劳模工匠助企行活动，帮助企业解决技术难题。",
    "新八级职业技能等级制度拓宽了技能人才的发展通道。",
    "首席技师和特级技师岗位的设立，提高了技术工人的待遇。",
    "创新工作室联盟累计完成技术攻关项目300余项。",
    "职工群众的获得感、幸福感、安全感不断增强。",
    "内蒙古自治区包头市是重要的工业基地。",
    "华龙网报道，重庆市实施五大行动，推动产业工人队伍建设。",
    "会议要求，要进一步加强组织领导，压实工作责任。",
    "培训补贴标准为每人每年4000元至6000元。",
    "全省累计培训职工近50万人次，发放补贴1.2亿元。",
    "新型学徒制培训覆盖了全市主要制造业企业。",
    "他从一名普通工人成长为全国技术能手。",
    "我们将继续推进产业工人队伍建设改革走深走实。",
    "据统计，今年前三季度全市新增就业岗位2.3万个。",
]


def build_tiny_marian(target: Path, source: Path = SHARED_MARIAN_DIR) -> Path:
    """A 1-layer Marian with the real opus-mt-zh-en tokenizer, vocabulary size and special-token ids."""
    target.mkdir(parents=True, exist_ok=True)
    for name in MARIAN_TOKENIZER_FILES:
        shutil.copyfile(source / name, target / name)
    config = MarianConfig.from_pretrained(source)
    config.update(
        {
            "d_model": 16,
            "encoder_layers": 1,
            "decoder_layers": 1,
            "encoder_attention_heads": 2,
            "decoder_attention_heads": 2,
            "encoder_ffn_dim": 32,
            "decoder_ffn_dim": 32,
        }
    )
    torch.manual_seed(SEED)
    MarianMTModel(config).save_pretrained(target)
    return target


def sentencepiece_vocabulary(sentences: list[str], vocab_size: int) -> list[tuple[str, float]]:
    """(piece, score) pairs of a unigram sentencepiece model trained on ``sentences``, with T5's
    special ids (pad 0, end 1, unknown 2)."""
    model_file = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model_file,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        minloglevel=2,
    )
    processor = sentencepiece.SentencePieceProcessor(model_proto=model_file.getvalue())
    # transformers 5 builds T5's tokenizer from (piece, score) pairs; reading the .model file itself
    # would need protobuf.
    return [(processor.id_to_piece(i), processor.get_score(i)) for i in range(processor.get_piece_size())]


def build_tiny_t5(target: Path, vocab_size: int = 400, sentences: list[str] = TRAINING_SENTENCES) -> Path:
    """A 1-layer T5 with a sentencepiece vocabulary trained here on ``sentences`` (Chinese news text)."""
    target.mkdir(parents=True, exist_ok=True)
    tokenizer = T5Tokenizer(vocab=sentencepiece_vocabulary(sentences, vocab_size), extra_ids=0)
    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=16,
        d_kv=8,
        d_ff=32,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    torch.manual_seed(SEED)
    T5ForConditionalGeneration(config).save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target
